package org.dl4jsnn.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.ResetMode;
import org.dl4jsnn.parallel.BatchChunks;
import org.dl4jsnn.parallel.BatchThreads;
import org.dl4jsnn.surrogate.Surrogate;
import org.dl4jsnn.testing.MexicanHatData;
import org.dl4jsnn.testing.Networks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The layers keep their working arrays between iterations ({@link ChunkBuffers}); nothing left in them may
 * change a result. Every comparison is against a network or pass that starts with no kept arrays, and is
 * exact (bit for bit).
 */
class ChunkBuffersTest {

    /** Three chunks, the last one short. */
    private static final int LARGE = 2 * BatchChunks.SIZE + 50;
    private static final int SMALL = 37;

    private static MultiLayerNetwork network(DataType type) {
        MultiLayerNetwork net = new MultiLayerNetwork(Networks.mlp(11, type, new Adam(1e-2), 2, 1,
                new SpikingDense.Builder().timeSteps(5), 6, 5));
        net.init();
        return net;
    }

    /** A network with the same configuration and parameters as {@code net}, never run. */
    private static MultiLayerNetwork freshCopy(MultiLayerNetwork net, DataType type) {
        MultiLayerNetwork fresh = network(type);
        fresh.setParams(net.params().dup());
        return fresh;
    }

    private record Result(double score, double[] gradient) {
    }

    private static Result gradient(MultiLayerNetwork net, DataSet data) {
        net.setInput(data.getFeatures());
        net.setLabels(data.getLabels());
        net.computeGradientAndScore();
        return new Result(net.score(), net.gradient().gradient().toDoubleVector());
    }

    private static void assertSame(Result actual, Result expected) {
        assertThat(actual.score()).isEqualTo(expected.score());
        assertThat(actual.gradient()).isEqualTo(expected.gradient());
    }

    @Test
    void consecutiveIterationsAndBatchSizeChangesMatchFreshNetworks() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            for (int threads : new int[] {1, 2}) {
                try (BatchThreads pool = BatchThreads.of(threads)) {
                    MultiLayerNetwork net = network(type);
                    SpikingLayers.setBatchThreads(net, pool);
                    List<DataSet> sequence = List.of(MexicanHatData.train(LARGE, 1, type),
                            MexicanHatData.train(SMALL, 2, type), MexicanHatData.train(LARGE, 3, type),
                            MexicanHatData.train(LARGE, 3, type), MexicanHatData.train(SMALL, 4, type));
                    for (DataSet data : sequence) {
                        // an inference pass of another size between the iterations must not disturb them
                        net.output(MexicanHatData.train(SMALL + 5, 9, type).getFeatures());
                        Result reused = gradient(net, data);
                        assertThat(reused.gradient()).isNotEqualTo(new double[reused.gradient().length]);
                        assertSame(reused, gradient(freshCopy(net, type), data));
                    }
                }
            }
        }
    }

    @Test
    void aCloneAndARestoredModelMatchTheOriginalAndAFreshNetwork() throws IOException {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            MultiLayerNetwork net = network(type);
            DataSet data = MexicanHatData.train(LARGE, 5, type);
            for (int i = 0; i < 3; i++) {
                net.fit(data);
            }
            MultiLayerNetwork clone = net.clone();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ModelSerializer.writeModel(net, bytes, true);
            MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(
                    new ByteArrayInputStream(bytes.toByteArray()), true);
            Result original = gradient(net, data);
            assertSame(gradient(clone, data), original);
            assertSame(gradient(restored, data), original);
            assertSame(gradient(freshCopy(net, type), data), original);
            // one more training step each (kept arrays, clone's and restored updater state alike)
            net.fit(data);
            clone.fit(data);
            restored.fit(data);
            assertThat(clone.params().toDoubleVector()).isEqualTo(net.params().toDoubleVector());
            assertThat(restored.params().toDoubleVector()).isEqualTo(net.params().toDoubleVector());
        }
    }

    @Test
    void anInferencePassBetweenATrainingPassAndItsBackpropLeavesTheTraceIntact() {
        IntegrateAndFireNeuron neuron = new IntegrateAndFireNeuron(1.0, 0.9, ResetMode.SUBTRACT, true,
                Surrogate.gaussian(0.5), false);
        LayerShape shape = new LayerShape(LARGE, 4, 3, 5, true);
        LayerShape other = new LayerShape(SMALL, 4, 3, 5, true);
        double[] w = GaussianArrays.random(12, 1, 0.8);
        double[] b = GaussianArrays.random(3, 2, 0.3);
        INDArray in = rows(spikes(shape.inputLength(), 3));
        INDArray otherIn = rows(spikes(other.inputLength(), 4));
        INDArray eps = rows(GaussianArrays.random(shape.outputLength(), 5, 1.0));
        for (int threads : new int[] {1, 2}) {
            try (BatchThreads pool = BatchThreads.of(threads)) {
                ChunkBuffers kept = new ChunkBuffers();
                double[][] first = pass(shape, in, w, b, eps, neuron, pool, kept, null);
                double[][] between = pass(shape, in, w, b, eps, neuron, pool, kept, otherIn);
                double[][] fresh = pass(shape, in, w, b, eps, neuron, BatchThreads.single(), new ChunkBuffers(),
                        null);
                for (int k = 0; k < fresh.length; k++) {
                    assertThat(first[k]).isEqualTo(fresh[k]);
                    assertThat(between[k]).isEqualTo(fresh[k]);
                }
            }
        }
    }

    /** Spikes, weight, bias and input gradients of a training pass; optionally an inference pass in between. */
    private static double[][] pass(LayerShape shape, INDArray in, double[] w, double[] b, INDArray eps,
                                   IntegrateAndFireNeuron neuron, BatchThreads pool, ChunkBuffers kept,
                                   INDArray inferenceIn) {
        INDArray spikes = Nd4j.create(DataType.DOUBLE, shape.outputLength());
        ChunkedSpikingDense.Trace<double[]> tr = ChunkedSpikingDense.forward(KernelPrecision.DOUBLE, shape, in,
                "input", w, b, neuron, true, 0L, pool, spikes, kept);
        if (inferenceIn != null) {
            LayerShape other = new LayerShape((int) (inferenceIn.length() / (shape.steps() * shape.nIn())),
                    shape.nIn(), shape.nOut(), shape.steps(), true);
            ChunkedSpikingDense.forward(KernelPrecision.DOUBLE, other, inferenceIn, "input", w, b, neuron, false, 0L,
                    pool, Nd4j.create(DataType.DOUBLE, other.outputLength()), kept);
        }
        INDArray dInput = Nd4j.create(DataType.DOUBLE, shape.inputLength());
        ChunkedSpikingDense.ParamGradients g = ChunkedSpikingDense.backward(tr, eps, w, neuron, pool, dInput, kept);
        return new double[][] {spikes.toDoubleVector(), g.weights(), g.bias(), dInput.toDoubleVector()};
    }

    private static INDArray rows(double[] x) {
        return Nd4j.create(x, new long[] {x.length}, 'c');
    }

    private static double[] spikes(int n, long seed) {
        Random r = new Random(seed);
        double[] s = new double[n];
        for (int e = 0; e < n; e++) {
            s[e] = r.nextDouble() < 0.3 ? 1.0 : 0.0;
        }
        return s;
    }
}
