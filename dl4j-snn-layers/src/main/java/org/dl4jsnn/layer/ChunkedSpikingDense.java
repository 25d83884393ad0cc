package org.dl4jsnn.layer;

import java.util.List;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.parallel.BatchChunks;
import org.dl4jsnn.parallel.BatchThreads;

/**
 * Runs {@link SpikingDenseKernel} chunk by chunk over the minibatch ({@link BatchChunks}), the chunks
 * shared between threads. Examples are independent in the forward pass and the backward pass except for
 * the weight and bias gradients, which are summed per chunk and then over the chunks in increasing order:
 * the results do not depend on the thread count. A single chunk runs the kernel on the caller's arrays,
 * with no copies.
 */
public final class ChunkedSpikingDense {

    private ChunkedSpikingDense() {
    }

    /** One chunk's input (batch-innermost, [rows][chunk]) and trace, kept for back-propagation. */
    record Part(LayerShape shape, double[] input, SpikingDenseKernel.Trace trace) {
    }

    /** The forward pass of the whole minibatch: spikes [t][j][b] and what back-propagation needs. */
    public record Trace(LayerShape shape, double[] spikes, long spikeCount, List<Part> parts) {

        public boolean hasSlopes() {
            return parts.get(0).trace().spikeSlopes() != null;
        }
    }

    public static Trace forward(LayerShape shape, double[] input, double[] w, double[] bias,
                                IntegrateAndFireNeuron neuron, boolean withSlopes, long noiseSeed,
                                BatchThreads threads) {
        int batch = shape.batch();
        int inRows = inputRows(shape);
        int outRows = shape.steps() * shape.nOut();
        if (BatchChunks.count(batch) == 1) {
            SpikingDenseKernel.Trace t = SpikingDenseKernel.forward(shape, input, w, bias, neuron, withSlopes,
                    noiseSeed);
            return new Trace(shape, t.spikes(), t.spikeCount(), List.of(new Part(shape, input, t)));
        }
        double[] spikes = new double[shape.outputLength()];
        List<Part> parts = threads.map(batch, c -> {
            int b0 = BatchChunks.start(batch, c);
            int n = BatchChunks.length(batch, c);
            LayerShape s = new LayerShape(n, shape.nIn(), shape.nOut(), shape.steps(), shape.spikeInput());
            double[] in = BatchChunks.gather(input, inRows, batch, b0, n);
            SpikingDenseKernel.Trace t = SpikingDenseKernel.forward(s, in, w, bias, neuron, withSlopes, noiseSeed,
                    b0);
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

    /**
     * Back-propagation through time over every chunk.
     *
     * @param lossPerSpike dL/dS of the whole minibatch, [t][j][b]
     */
    public static SpikingDenseKernel.Gradients backward(Trace trace, double[] lossPerSpike, double[] w,
                                                        IntegrateAndFireNeuron neuron, BatchThreads threads) {
        LayerShape shape = trace.shape();
        int batch = shape.batch();
        if (trace.parts().size() == 1) {
            Part p = trace.parts().get(0);
            return SpikingDenseKernel.backward(shape, p.trace(), lossPerSpike, p.input(), w, neuron);
        }
        int inRows = inputRows(shape);
        int outRows = shape.steps() * shape.nOut();
        double[] dInput = new double[shape.inputLength()];
        List<SpikingDenseKernel.Gradients> parts = threads.map(batch, c -> {
            Part p = trace.parts().get(c);
            int b0 = BatchChunks.start(batch, c);
            int n = BatchChunks.length(batch, c);
            double[] eps = BatchChunks.gather(lossPerSpike, outRows, batch, b0, n);
            SpikingDenseKernel.Gradients g = SpikingDenseKernel.backward(p.shape(), p.trace(), eps, p.input(), w,
                    neuron);
            BatchChunks.scatter(g.input(), inRows, n, dInput, batch, b0);
            return g;
        });
        // the fixed reduction order: chunk 0, 1, 2, ... whatever thread computed each
        double[] dW = new double[shape.nOut() * shape.nIn()];
        double[] dBias = new double[shape.nOut()];
        for (SpikingDenseKernel.Gradients g : parts) {
            add(dW, g.weights());
            add(dBias, g.bias());
        }
        return new SpikingDenseKernel.Gradients(dW, dBias, dInput);
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
