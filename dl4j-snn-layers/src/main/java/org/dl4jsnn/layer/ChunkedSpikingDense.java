package org.dl4jsnn.layer;

import java.util.List;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.parallel.BatchChunks;
import org.dl4jsnn.parallel.BatchThreads;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs {@link SpikingDensePass} chunk by chunk over the minibatch ({@link BatchChunks}), the chunks shared
 * between threads, in either precision. Each chunk reads its examples straight from the layer's input
 * INDArray and writes its results straight into the output INDArray, so the copies between ND4J and Java
 * arrays are threaded as the math is (one thread copying whole arrays held two-thread back-propagation
 * to 1.1-1.3x). Examples are independent in the forward pass and the backward pass except for the weight
 * and bias gradients, which are summed per chunk and then over the chunks in increasing order: the
 * results do not depend on the thread count.
 *
 * <p>The INDArrays are batch-innermost rows ({@link NdArrays#batchInnermostRows}, {@link NdArrays#rowsTarget})
 * of the kernel's precision: [t][i][b] or [i][b] in, [t][j][b] out.
 */
public final class ChunkedSpikingDense {

    private ChunkedSpikingDense() {
    }

    /** One chunk's input (batch-innermost, [rows][chunk]) and trace, kept for back-propagation. */
    record Part<A>(LayerShape shape, A input, SpikingDensePass.Trace<A> trace) {
    }

    /** What the forward pass of the whole minibatch keeps for back-propagation. */
    public record Trace<A>(KernelPrecision<A> precision, LayerShape shape, long spikeCount, List<Part<A>> parts) {

        public boolean hasSlopes() {
            return parts.get(0).trace().spikeSlopes() != null;
        }
    }

    /** Weight [nOut][nIn] and bias gradients, sums over the minibatch. */
    public record ParamGradients(double[] weights, double[] bias) {
    }

    /**
     * The forward pass of the whole minibatch.
     *
     * @param input     [t][i][b] or [i][b] rows, every element finite (else an IllegalArgumentException
     *                  naming {@code inputName})
     * @param spikesOut receives the spikes [t][j][b]
     */
    public static <A> Trace<A> forward(KernelPrecision<A> p, LayerShape shape, INDArray input, String inputName,
                                       A w, A bias, IntegrateAndFireNeuron neuron, boolean withSlopes,
                                       long noiseSeed, BatchThreads threads, INDArray spikesOut) {
        return forward(p, shape, input, inputName, w, bias, neuron, withSlopes, noiseSeed, threads, spikesOut,
                new ChunkBuffers());
    }

    /**
     * {@link #forward} with the chunks' arrays from {@code buffers} (a layer's, kept between iterations).
     * A training pass ({@code withSlopes}) keeps its input copy and slopes in the buffers' INPUT,
     * SPIKE_SLOPES and RESET_SLOPES: the returned trace stays valid until the next training pass on the
     * same buffers. An inference pass writes neither, so it may run between a training pass and its
     * back-propagation.
     */
    public static <A> Trace<A> forward(KernelPrecision<A> p, LayerShape shape, INDArray input, String inputName,
                                       A w, A bias, IntegrateAndFireNeuron neuron, boolean withSlopes,
                                       long noiseSeed, BatchThreads threads, INDArray spikesOut,
                                       ChunkBuffers buffers) {
        int batch = shape.batch();
        int inRows = inputRows(shape);
        int outRows = shape.steps() * shape.nOut();
        List<ChunkBuffers.Chunk> chunkBuffers = buffers.forChunks(BatchChunks.count(batch));
        List<Part<A>> parts = threads.map(batch, c -> {
            int b0 = BatchChunks.start(batch, c);
            int n = BatchChunks.length(batch, c);
            LayerShape s = new LayerShape(n, shape.nIn(), shape.nOut(), shape.steps(), shape.spikeInput());
            ChunkBuffers.Chunk own = chunkBuffers.get(c);
            // readRows fills every element
            A in = own.any(p, withSlopes ? ChunkBuffers.Slot.INPUT : ChunkBuffers.Slot.INPUT_SCRATCH, inRows * n);
            p.readRows(input, batch, b0, n, in);
            requireFinite(p, in, n, batch, b0, inputName);
            SpikingDensePass.Trace<A> t = SpikingDensePass.forward(p, s, in, w, bias, neuron, withSlopes, noiseSeed,
                    b0, own);
            // chunks write disjoint examples of the shared output
            p.writeRows(t.spikes(), n, spikesOut, batch, b0);
            return new Part<>(s, in, t);
        });
        long fired = 0;
        for (Part<A> part : parts) {
            fired += part.trace().spikeCount();
        }
        return new Trace<>(p, shape, fired, parts);
    }

    /**
     * Back-propagation through time over every chunk.
     *
     * @param lossPerSpike dL/dS of the whole minibatch, [t][j][b] rows
     * @param inputGrad    receives dL/d(input) in the input's layout
     */
    public static <A> ParamGradients backward(Trace<A> trace, INDArray lossPerSpike, A w,
                                              IntegrateAndFireNeuron neuron, BatchThreads threads,
                                              INDArray inputGrad) {
        return backward(trace, lossPerSpike, w, neuron, threads, inputGrad, new ChunkBuffers());
    }

    /** {@link #backward} with the chunks' working arrays from {@code buffers} (a layer's). */
    public static <A> ParamGradients backward(Trace<A> trace, INDArray lossPerSpike, A w,
                                              IntegrateAndFireNeuron neuron, BatchThreads threads,
                                              INDArray inputGrad, ChunkBuffers buffers) {
        KernelPrecision<A> p = trace.precision();
        LayerShape shape = trace.shape();
        int batch = shape.batch();
        int outRows = shape.steps() * shape.nOut();
        List<ChunkBuffers.Chunk> chunkBuffers = buffers.forChunks(BatchChunks.count(batch));
        List<SpikingDensePass.Gradients<A>> parts = threads.map(batch, c -> {
            Part<A> part = trace.parts().get(c);
            int b0 = BatchChunks.start(batch, c);
            int n = BatchChunks.length(batch, c);
            ChunkBuffers.Chunk own = chunkBuffers.get(c);
            A eps = own.any(p, ChunkBuffers.Slot.TRAINS_SCRATCH, outRows * n);
            p.readRows(lossPerSpike, batch, b0, n, eps);
            SpikingDensePass.Trace<A> t = part.trace();
            SpikingDensePass.Gradients<A> g = SpikingDensePass.backward(p, part.shape(), t.spikeSlopes(),
                    t.resetSlopes(), eps, part.input(), part.shape().inputLength(), w, neuron, own);
            p.writeRows(g.input(), n, inputGrad, batch, b0);
            return g;
        });
        // the fixed reduction order: chunk 0, 1, 2, ... whatever thread computed each
        double[] dW = new double[shape.nOut() * shape.nIn()];
        double[] dBias = new double[shape.nOut()];
        for (SpikingDensePass.Gradients<A> g : parts) {
            add(dW, g.weights());
            add(dBias, g.bias());
        }
        return new ParamGradients(dW, dBias);
    }

    private static <A> void requireFinite(KernelPrecision<A> p, A part, int n, int batch, int b0, String what) {
        int e = p.firstNonFinite(part);
        if (e >= 0) {
            throw new IllegalArgumentException(what + " contains a non-finite value (" + p.get(part, e)
                    + ") at example " + (b0 + e % n) + ", batch-innermost row " + e / n + " of a batch of " + batch);
        }
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
