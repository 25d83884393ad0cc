package org.dl4jsnn.layer;

import java.util.List;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.parallel.BatchChunks;
import org.dl4jsnn.parallel.BatchThreads;

/**
 * {@link ChunkedSpikingDense} for a FLOAT network: {@link FloatSpikingDenseKernel} chunk by chunk, the
 * chunks' weight and bias gradients summed in double in increasing chunk order, so the results do not
 * depend on the thread count.
 */
public final class FloatChunkedSpikingDense {

    private FloatChunkedSpikingDense() {
    }

    record Part(LayerShape shape, float[] input, FloatSpikingDenseKernel.Trace trace) {
    }

    /** The forward pass of the whole minibatch: spikes [t][j][b] and what back-propagation needs. */
    public record Trace(LayerShape shape, float[] spikes, long spikeCount, List<Part> parts) {

        public boolean hasSlopes() {
            return parts.get(0).trace().spikeSlopes() != null;
        }
    }

    public static Trace forward(LayerShape shape, float[] input, float[] w, float[] bias,
                                IntegrateAndFireNeuron neuron, boolean withSlopes, long noiseSeed,
                                BatchThreads threads) {
        int batch = shape.batch();
        int inRows = inputRows(shape);
        int outRows = shape.steps() * shape.nOut();
        if (BatchChunks.count(batch) == 1) {
            FloatSpikingDenseKernel.Trace t = FloatSpikingDenseKernel.forward(shape, input, w, bias, neuron,
                    withSlopes, noiseSeed, 0);
            return new Trace(shape, t.spikes(), t.spikeCount(), List.of(new Part(shape, input, t)));
        }
        float[] spikes = new float[shape.outputLength()];
        List<Part> parts = threads.map(batch, c -> {
            int b0 = BatchChunks.start(batch, c);
            int n = BatchChunks.length(batch, c);
            LayerShape s = new LayerShape(n, shape.nIn(), shape.nOut(), shape.steps(), shape.spikeInput());
            float[] in = BatchChunks.gather(input, inRows, batch, b0, n);
            FloatSpikingDenseKernel.Trace t = FloatSpikingDenseKernel.forward(s, in, w, bias, neuron, withSlopes,
                    noiseSeed, b0);
            // chunks write disjoint examples of the shared output
            BatchChunks.scatter(t.spikes(), outRows, n, spikes, batch, b0);
            return new Part(s, in, t);
        });
        long fired = 0;
        for (Part p : parts) {
            fired += p.trace().spikeCount();
        }
        return new Trace(shape, spikes, fired, parts);
    }

    /** Back-propagation through time over every chunk; dL/dS of the whole minibatch, [t][j][b]. */
    public static FloatSpikingDenseKernel.Gradients backward(Trace trace, float[] lossPerSpike, float[] w,
                                                             IntegrateAndFireNeuron neuron, BatchThreads threads) {
        LayerShape shape = trace.shape();
        int batch = shape.batch();
        if (trace.parts().size() == 1) {
            Part p = trace.parts().get(0);
            return FloatSpikingDenseKernel.backward(shape, p.trace(), lossPerSpike, p.input(), w, neuron);
        }
        int inRows = inputRows(shape);
        int outRows = shape.steps() * shape.nOut();
        float[] dInput = new float[shape.inputLength()];
        List<FloatSpikingDenseKernel.Gradients> parts = threads.map(batch, c -> {
            Part p = trace.parts().get(c);
            int b0 = BatchChunks.start(batch, c);
            int n = BatchChunks.length(batch, c);
            float[] eps = BatchChunks.gather(lossPerSpike, outRows, batch, b0, n);
            FloatSpikingDenseKernel.Gradients g = FloatSpikingDenseKernel.backward(p.shape(), p.trace(), eps,
                    p.input(), w, neuron);
            BatchChunks.scatter(g.input(), inRows, n, dInput, batch, b0);
            return g;
        });
        // the fixed reduction order: chunk 0, 1, 2, ... whatever thread computed each
        double[] dW = new double[shape.nOut() * shape.nIn()];
        double[] dBias = new double[shape.nOut()];
        for (FloatSpikingDenseKernel.Gradients g : parts) {
            add(dW, g.weights());
            add(dBias, g.bias());
        }
        return new FloatSpikingDenseKernel.Gradients(dW, dBias, dInput);
    }

    private static int inputRows(LayerShape shape) {
        return shape.spikeInput() ? shape.steps() * shape.nIn() : shape.nIn();
    }

    private static void add(double[] into, double[] x) {
        for (int e = 0; e < into.length; e++) {
            into[e] += x[e];
        }
    }
}
