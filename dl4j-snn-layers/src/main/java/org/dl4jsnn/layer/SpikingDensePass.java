package org.dl4jsnn.layer;

import org.dl4jsnn.kernel.DenseProducts;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.NeuronStep;
import org.dl4jsnn.neuron.NoiseAddress;

/**
 * A spiking dense layer over all T steps on plain arrays, written once for both precisions
 * ({@link KernelPrecision}): the forward trajectories and the back-propagation through time.
 *
 * <p>Layouts put the batch innermost: spike trains (input, output, slopes, dL/dS) are [t][j][b] and
 * direct current is [i][b], which is DL4J's 'f' order of [batch, n, T] and [batch, n]. One step's neurons
 * then form one contiguous block, advanced by a single {@link NeuronStep}, and every product runs its
 * inner loop over the batch ({@link DenseProducts#columns}), long loops the JIT vectorizes. (The former
 * layout [b][j][t] ran them over the layer width, 16, which it does not vectorize.) Weights are w[j][i]
 * (nOut x nIn, row-major).
 */
public final class SpikingDensePass {

    private SpikingDensePass() {
    }

    /** What the forward pass keeps for back-propagation, [t][j][b]; slopes are null for inference. */
    public record Trace<A>(A spikes, A spikeSlopes, A resetSlopes, long spikeCount) {
    }

    /** The gradients of one backward pass; weight and bias gradients are sums over the minibatch. */
    public record Gradients<A>(double[] weights, double[] bias, A input) {
    }

    /**
     * Runs the layer forward on a slice of the minibatch whose first example is example {@code batchOffset}
     * of the whole (the noise is addressed by the whole minibatch's index, see {@link NoiseAddress}).
     *
     * @param input      spike trains [t][i][b], or direct current [i][b]
     * @param withSlopes also record the surrogate and reset slopes for back-propagation
     * @param noiseSeed  noise stream for a stochastic surrogate
     */
    public static <A> Trace<A> forward(KernelPrecision<A> p, LayerShape shape, A input, A w, A bias,
                                       IntegrateAndFireNeuron neuron, boolean withSlopes, long noiseSeed,
                                       int batchOffset) {
        return forward(p, shape, input, w, bias, neuron, withSlopes, noiseSeed, batchOffset,
                new ChunkBuffers.Chunk());
    }

    /**
     * {@link #forward} with its arrays from {@code buffers} (a layer's, kept between iterations): the
     * trace's arrays are the buffers' TRAINS_SCRATCH, SPIKE_SLOPES and RESET_SLOPES, valid until the next pass
     * that uses the same buffers.
     */
    public static <A> Trace<A> forward(KernelPrecision<A> p, LayerShape shape, A input, A w, A bias,
                                       IntegrateAndFireNeuron neuron, boolean withSlopes, long noiseSeed,
                                       int batchOffset, ChunkBuffers.Chunk buffers) {
        final int nIn = shape.nIn();
        final int nOut = shape.nOut();
        final int steps = shape.steps();
        final int batch = shape.batch();
        final int block = batch * nOut;
        NoiseAddress noise = new NoiseAddress(noiseSeed, steps, nOut, batch, true, batchOffset);
        // every element of spikes, g, a and current is written before it is read: no zeroing needed
        A spikes = buffers.any(p, ChunkBuffers.Slot.TRAINS_SCRATCH, block * steps);
        A g = withSlopes ? buffers.any(p, ChunkBuffers.Slot.SPIKE_SLOPES, block * steps) : null;
        A a = withSlopes ? buffers.any(p, ChunkBuffers.Slot.RESET_SLOPES, block * steps) : null;
        A membrane = buffers.zeroed(p, ChunkBuffers.Slot.MEMBRANE, block);
        A current = buffers.any(p, ChunkBuffers.Slot.CURRENT, block);
        if (!shape.spikeInput()) {
            p.columns(w, nOut, nIn, input, 0, batch, bias, current, 0, false);
        }
        long fired = 0;
        for (int t = 0; t < steps; t++) {
            if (shape.spikeInput()) {
                p.columns(w, nOut, nIn, input, t * nIn * batch, batch, bias, current, 0, false);
            }
            fired += p.advance(neuron, membrane, block, current, spikes, g, a, t * block, noise, t);
        }
        return new Trace<>(spikes, g, a, fired);
    }

    /**
     * Back-propagation through time.
     *
     * @param spikeSlopes  the forward pass's {@link Trace#spikeSlopes}
     * @param resetSlopes  the forward pass's {@link Trace#resetSlopes}
     * @param lossPerSpike dL/dS, [t][j][b]
     * @param input        as given to {@link #forward}
     * @param inputLength  the input's length (the input gradient's)
     * @return the input gradient in the input's layout
     */
    public static <A> Gradients<A> backward(KernelPrecision<A> p, LayerShape shape, A spikeSlopes, A resetSlopes,
                                            A lossPerSpike, A input, int inputLength, A w,
                                            IntegrateAndFireNeuron neuron) {
        return backward(p, shape, spikeSlopes, resetSlopes, lossPerSpike, input, inputLength, w, neuron,
                new ChunkBuffers.Chunk());
    }

    /** {@link #backward} with its working arrays from {@code buffers}; the input gradient is INPUT_SCRATCH's. */
    public static <A> Gradients<A> backward(KernelPrecision<A> p, LayerShape shape, A spikeSlopes, A resetSlopes,
                                            A lossPerSpike, A input, int inputLength, A w,
                                            IntegrateAndFireNeuron neuron, ChunkBuffers.Chunk buffers) {
        final int nIn = shape.nIn();
        final int nOut = shape.nOut();
        final int steps = shape.steps();
        final int batch = shape.batch();
        final int block = batch * nOut;
        A wT = p.transpose(w, nOut, nIn);
        // the products overwrite every element of dInput and dCurrent (columns without accumulate)
        A dInput = buffers.any(p, ChunkBuffers.Slot.INPUT_SCRATCH, inputLength);
        double[] dW = new double[nOut * nIn];
        A carried = buffers.zeroed(p, ChunkBuffers.Slot.CARRIED, block);
        A dCurrent = buffers.any(p, ChunkBuffers.Slot.LOSS_PER_CURRENT, block);
        A total = buffers.zeroed(p, ChunkBuffers.Slot.LOSS_PER_CURRENT_TOTAL, block);
        for (int t = steps - 1; t >= 0; t--) {
            p.adjoint(neuron, lossPerSpike, spikeSlopes, resetSlopes, t * block, carried, dCurrent, total, block);
            if (shape.spikeInput()) {
                int in = t * nIn * batch;
                p.accumulateDots(dCurrent, 0, nOut, input, in, nIn, batch, dW);
                p.columns(wT, nIn, nOut, dCurrent, 0, batch, null, dInput, in, false);
            }
        }
        if (!shape.spikeInput()) {
            p.accumulateDots(total, 0, nOut, input, 0, nIn, batch, dW);
            p.columns(wT, nIn, nOut, total, 0, batch, null, dInput, 0, false);
        }
        double[] dBias = new double[nOut];
        for (int j = 0; j < nOut; j++) {
            dBias[j] = p.sum(total, j * batch, batch);
        }
        return new Gradients<>(dW, dBias, dInput);
    }
}
