package org.dl4jsnn.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.ResetMode;
import org.dl4jsnn.parallel.BatchChunks;
import org.dl4jsnn.parallel.BatchThreads;
import org.dl4jsnn.surrogate.Surrogate;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * WSG with N = 16, where the draws go through the SIMD lanes (N = 4 in the other thread tests leaves them
 * to the scalar loop): the layer kernel on 1 and 2 threads, each thread with its own scratch, gives the
 * same spikes and gradients bit for bit, in both precisions.
 */
class WsgLanesThreadsTest {

    private static final IntegrateAndFireNeuron WSG16 = new IntegrateAndFireNeuron(1.0, 0.9, ResetMode.SUBTRACT,
            false, Surrogate.stein(0.5, 16), false);

    private static INDArray gaussian(int n, long seed, double scale, DataType type) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int e = 0; e < n; e++) {
            x[e] = scale * r.nextGaussian();
        }
        return Nd4j.create(x, new long[] {n}, 'c').castTo(type);
    }

    /** Spikes, then weight, bias and input gradients, concatenated, widened to double. */
    private static double[] run(DataType type, BatchThreads threads) {
        LayerShape shape = new LayerShape(BatchChunks.SIZE + 200, 3, 6, 8, false);
        INDArray in = gaussian(shape.inputLength(), 1, 1.0, type);
        INDArray eps = gaussian(shape.outputLength(), 4, 1.0, type);
        double[] w = gaussian(18, 2, 0.8, DataType.DOUBLE).toDoubleVector();
        double[] b = gaussian(6, 3, 0.3, DataType.DOUBLE).toDoubleVector();
        INDArray spikes = Nd4j.create(type, shape.outputLength());
        INDArray dInput = Nd4j.create(type, shape.inputLength());
        ChunkedSpikingDense.ParamGradients g;
        if (type == DataType.FLOAT) {
            float[] wf = gaussian(18, 2, 0.8, DataType.FLOAT).toFloatVector();
            float[] bf = gaussian(6, 3, 0.3, DataType.FLOAT).toFloatVector();
            ChunkedSpikingDense.Trace<float[]> tr = ChunkedSpikingDense.forward(KernelPrecision.FLOAT, shape, in,
                    "input", wf, bf, WSG16, true, 91L, threads, spikes);
            g = ChunkedSpikingDense.backward(tr, eps, wf, WSG16, threads, dInput);
        } else {
            ChunkedSpikingDense.Trace<double[]> tr = ChunkedSpikingDense.forward(KernelPrecision.DOUBLE, shape, in,
                    "input", w, b, WSG16, true, 91L, threads, spikes);
            g = ChunkedSpikingDense.backward(tr, eps, w, WSG16, threads, dInput);
        }
        return concat(spikes.toDoubleVector(), g.weights(), g.bias(), dInput.toDoubleVector());
    }

    private static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }

    @Test
    void oneAndTwoThreadsGiveTheSameGradientsBitForBit() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            double[] one = run(type, BatchThreads.single());
            try (BatchThreads two = BatchThreads.of(2)) {
                assertThat(run(type, two)).as("%s", type).isEqualTo(one);
            }
            assertThat(Arrays.stream(one).filter(x -> x != 0 && x != 1).count())
                    .as("non-trivial gradients").isGreaterThan(100);
        }
    }
}
