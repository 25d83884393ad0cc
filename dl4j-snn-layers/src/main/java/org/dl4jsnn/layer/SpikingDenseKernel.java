package org.dl4jsnn.layer;

import org.dl4jsnn.kernel.DenseProducts;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.NeuronStep;
import org.dl4jsnn.neuron.NoiseAddress;

/**
 * A spiking dense layer over all T steps, on plain arrays: the forward trajectories and the
 * back-propagation through time.
 *
 * <p>Layouts put the batch innermost: spike trains (input, output, slopes, dL/dS) are [t][j][b] and
 * direct current is [i][b], which is DL4J's 'f' order of [batch, n, T] and [batch, n]. One step's neurons
 * then form one contiguous block, advanced by a single {@link NeuronStep}, and every product runs its
 * inner loop over the batch ({@link DenseProducts#columns}), long loops the JIT vectorizes. (The former
 * layout [b][j][t] ran them over the layer width, 16, which it does not vectorize.) Weights are w[j][i]
 * (nOut x nIn, row-major).
 */
public final class SpikingDenseKernel {

    private SpikingDenseKernel() {
    }

    /** What the forward pass keeps for back-propagation, [t][j][b]; slopes are null for inference. */
    public record Trace(double[] spikes, double[] spikeSlopes, double[] resetSlopes, long spikeCount) {
    }

    /** The gradients of one backward pass; weight and bias gradients are sums over the minibatch. */
    public record Gradients(double[] weights, double[] bias, double[] input) {
    }

    /**
     * Runs the layer forward.
     *
     * @param input      spike trains [t][i][b], or direct current [i][b]
     * @param withSlopes also record the surrogate and reset slopes for back-propagation
     * @param noiseSeed  noise stream for a stochastic surrogate (see {@link NoiseAddress})
     */
    public static Trace forward(LayerShape shape, double[] input, double[] w, double[] bias,
                                IntegrateAndFireNeuron neuron, boolean withSlopes, long noiseSeed) {
        return forward(shape, input, w, bias, neuron, withSlopes, noiseSeed, 0);
    }

    /**
     * {@link #forward} on a slice of the minibatch whose first example is example {@code batchOffset} of
     * the whole (the noise is addressed by the whole minibatch's index, see {@link NoiseAddress}).
     */
    public static Trace forward(LayerShape shape, double[] input, double[] w, double[] bias,
                                IntegrateAndFireNeuron neuron, boolean withSlopes, long noiseSeed, int batchOffset) {
        final int nIn = shape.nIn();
        final int nOut = shape.nOut();
        final int steps = shape.steps();
        final int batch = shape.batch();
        final int block = batch * nOut;
        NoiseAddress noise = new NoiseAddress(noiseSeed, steps, nOut, batch, true, batchOffset);
        double[] spikes = new double[block * steps];
        double[] g = withSlopes ? new double[spikes.length] : null;
        double[] a = withSlopes ? new double[spikes.length] : null;
        double[] membrane = new double[block];
        double[] current = new double[block];
        if (!shape.spikeInput()) {
            DenseProducts.columns(w, 0, nOut, nIn, input, 0, batch, bias, 0, current, 0, false);
        }
        long fired = 0;
        for (int t = 0; t < steps; t++) {
            if (shape.spikeInput()) {
                DenseProducts.columns(w, 0, nOut, nIn, input, t * nIn * batch, batch, bias, 0, current, 0, false);
            }
            fired += NeuronStep.advance(neuron, membrane, 0, block, current, 0, spikes, g, a, t * block, noise, t);
        }
        return new Trace(spikes, g, a, fired);
    }

    /**
     * Back-propagation through time.
     *
     * @param lossPerSpike dL/dS, [t][j][b]
     * @param input        as given to {@link #forward}
     * @return the input gradient in the input's layout
     */
    public static Gradients backward(LayerShape shape, Trace trace, double[] lossPerSpike, double[] input,
                                     double[] w, IntegrateAndFireNeuron neuron) {
        final int nIn = shape.nIn();
        final int nOut = shape.nOut();
        final int steps = shape.steps();
        final int batch = shape.batch();
        final int block = batch * nOut;
        double[] g = trace.spikeSlopes();
        double[] a = trace.resetSlopes();
        double[] wT = DenseProducts.transpose(w, 0, nOut, nIn);
        double[] dInput = new double[input.length];
        double[] dW = new double[nOut * nIn];
        double[] carried = new double[block];
        double[] dCurrent = new double[block];
        double[] total = new double[block];
        for (int t = steps - 1; t >= 0; t--) {
            int off = t * block;
            NeuronStep.adjoint(neuron, lossPerSpike, g, a, off, carried, dCurrent, total, block);
            if (shape.spikeInput()) {
                int in = t * nIn * batch;
                DenseProducts.accumulateDots(dCurrent, 0, nOut, input, in, nIn, batch, dW);
                DenseProducts.columns(wT, 0, nIn, nOut, dCurrent, 0, batch, null, 0, dInput, in, false);
            }
        }
        if (!shape.spikeInput()) {
            DenseProducts.accumulateDots(total, 0, nOut, input, 0, nIn, batch, dW);
            DenseProducts.columns(wT, 0, nIn, nOut, total, 0, batch, null, 0, dInput, 0, false);
        }
        double[] dBias = new double[nOut];
        for (int j = 0; j < nOut; j++) {
            double sum = 0;
            for (int b = 0, o = j * batch; b < batch; b++) {
                sum += total[o + b];
            }
            dBias[j] = sum;
        }
        return new Gradients(dW, dBias, dInput);
    }
}
