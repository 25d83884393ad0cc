package org.dl4jsnn.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.assertj.core.data.Offset;
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
 * The layer kernel split over threads, in both precisions, reading and writing its chunks of the ND4J arrays
 * in place: same numbers for any thread count, and the same noise per example.
 */
class ChunkedSpikingDenseTest {

    private static final int BATCH = 2 * BatchChunks.SIZE + 300;
    // WSG: its noise is addressed by example index, so a chunk that lost its offset would change the slopes
    private static final IntegrateAndFireNeuron WSG = new IntegrateAndFireNeuron(1.0, 1.0, ResetMode.SUBTRACT,
            false, Surrogate.stein(0.5, 4), false);

    /** The spikes, spike count, weight, bias and input gradients of one forward and backward pass. */
    private record Run(double[] spikes, long spikeCount, double[] weights, double[] bias, double[] input) {
    }

    private static Run run(LayerShape shape, double[] in, double[] w, double[] b, double[] eps, BatchThreads threads) {
        INDArray spikes = Nd4j.create(DataType.DOUBLE, shape.outputLength());
        ChunkedSpikingDense.Trace<double[]> tr = ChunkedSpikingDense.forward(KernelPrecision.DOUBLE, shape,
                rows(in), "input", w, b, WSG, true, 77L, threads, spikes);
        INDArray dInput = Nd4j.create(DataType.DOUBLE, shape.inputLength());
        ChunkedSpikingDense.ParamGradients g = ChunkedSpikingDense.backward(tr, rows(eps), w, WSG, threads, dInput);
        return new Run(spikes.toDoubleVector(), tr.spikeCount(), g.weights(), g.bias(), dInput.toDoubleVector());
    }

    /** The FLOAT kernels' run, widened to double for comparison. */
    private static Run runFloat(LayerShape shape, double[] in, double[] w, double[] b, double[] eps,
                                BatchThreads threads) {
        INDArray spikes = Nd4j.create(DataType.FLOAT, shape.outputLength());
        float[] wf = floats(w);
        ChunkedSpikingDense.Trace<float[]> tr = ChunkedSpikingDense.forward(KernelPrecision.FLOAT, shape,
                rows(in).castTo(DataType.FLOAT), "input", wf, floats(b), WSG, true, 77L, threads, spikes);
        INDArray dInput = Nd4j.create(DataType.FLOAT, shape.inputLength());
        ChunkedSpikingDense.ParamGradients g = ChunkedSpikingDense.backward(tr, rows(eps).castTo(DataType.FLOAT), wf,
                WSG, threads, dInput);
        return new Run(spikes.toDoubleVector(), tr.spikeCount(), g.weights(), g.bias(), dInput.toDoubleVector());
    }

    private static INDArray rows(double[] x) {
        return Nd4j.create(x, new long[] {x.length}, 'c');
    }

    private static float[] floats(double[] x) {
        float[] f = new float[x.length];
        for (int e = 0; e < x.length; e++) {
            f[e] = (float) x[e];
        }
        return f;
    }

    @Test
    void oneTwoAndThreeThreadsGiveIdenticalSpikesAndGradients() {
        for (boolean spikeInput : new boolean[] {false, true}) {
            LayerShape shape = new LayerShape(BATCH, 3, 5, 6, spikeInput);
            double[] in = spikeInput ? spikes(shape.inputLength()) : GaussianArrays.random(shape.inputLength(), 1, 1.0);
            double[] w = GaussianArrays.random(15, 2, 0.8);
            double[] b = GaussianArrays.random(5, 3, 0.3);
            double[] eps = GaussianArrays.random(shape.outputLength(), 4, 1.0);
            for (boolean floats : new boolean[] {false, true}) {
                Run one = floats ? runFloat(shape, in, w, b, eps, BatchThreads.single())
                        : run(shape, in, w, b, eps, BatchThreads.single());
                assertThat(one.spikeCount()).isPositive();
                assertThat(one.input()).isNotEqualTo(new double[one.input().length]);
                for (int n : new int[] {2, 3}) {
                    try (BatchThreads threads = BatchThreads.of(n)) {
                        Run many = floats ? runFloat(shape, in, w, b, eps, threads) : run(shape, in, w, b, eps, threads);
                        assertThat(many.spikes()).isEqualTo(one.spikes());
                        assertThat(many.spikeCount()).isEqualTo(one.spikeCount());
                        assertThat(many.weights()).isEqualTo(one.weights());
                        assertThat(many.bias()).isEqualTo(one.bias());
                        assertThat(many.input()).isEqualTo(one.input());
                    }
                }
            }
        }
    }

    @Test
    void chunksSeeTheWholeBatchsNoiseAndSpikes() {
        LayerShape shape = new LayerShape(BATCH, 3, 5, 6, false);
        double[] in = GaussianArrays.random(shape.inputLength(), 5, 1.0);
        double[] w = GaussianArrays.random(15, 6, 0.8);
        double[] b = GaussianArrays.random(5, 7, 0.3);
        double[] eps = GaussianArrays.random(shape.outputLength(), 8, 1.0);
        Run chunked = run(shape, in, w, b, eps, BatchThreads.single());
        SpikingDenseKernel.Trace whole = SpikingDenseKernel.forward(shape, in, w, b, WSG, true, 77L);
        SpikingDenseKernel.Gradients g = SpikingDenseKernel.backward(shape, whole, eps, in, w, WSG);
        assertThat(BatchChunks.count(BATCH)).isEqualTo(3);
        // per-example quantities do not depend on the split at all
        assertThat(chunked.spikes()).isEqualTo(whole.spikes());
        assertThat(chunked.input()).isEqualTo(g.input());
        // sums over the batch are regrouped by chunk: equal to rounding
        for (int e = 0; e < g.weights().length; e++) {
            assertThat(chunked.weights()[e]).isCloseTo(g.weights()[e],
                    Offset.offset(1e-9 * (1 + Math.abs(g.weights()[e]))));
        }
        assertThat(chunked.weights()).isNotEqualTo(new double[15]);
    }

    private static double[] spikes(int n) {
        Random r = new Random(9);
        double[] s = new double[n];
        for (int e = 0; e < n; e++) {
            s[e] = r.nextDouble() < 0.3 ? 1.0 : 0.0;
        }
        return s;
    }
}
