package org.dl4jsnn.neuron;

import org.dl4jsnn.surrogate.SteinScratch;
import org.dl4jsnn.surrogate.SteinSurrogate;

/**
 * {@link NeuronStep#advance} with the Stein surrogate (WSG): the neurons' integrate, spike and reset one
 * by one as {@link NeuronStep#scalarAdvance} does, but their slopes asked of the surrogate for a block of
 * neuron-steps at once ({@link SteinSurrogate#derivatives}), which hashes the block's draws together. The
 * results are {@link NeuronStep#scalarAdvance}'s bit for bit: the same neuron functions on the same
 * values, and the same draws at the same {@link NoiseAddress}.
 */
final class SteinStep {

    /** Neurons per surrogate call: the surrogate's block, long enough to fill the hash's lanes. */
    private static final int BLOCK = SteinScratch.BLOCK;

    private SteinStep() {
    }

    /**
     * One call's working arrays, allocated once per call (a time step of a chunk) and reused for each of its
     * blocks; the surrogate's own scratch included, so its blocks allocate nothing.
     */
    private static final class Block {
        final double[] z;
        final long[] elements;
        final double[] g;
        /** The membranes, widened from float in the float step (exact). */
        final double[] u;
        final SteinScratch scratch;

        Block(int from, int to) {
            int width = Math.max(1, Math.min(BLOCK, to - from));
            z = new double[width];
            elements = new long[width];
            g = new double[width];
            u = new double[width];
            scratch = new SteinScratch(width);
        }

        /** The slopes g[j] of the block's n neuron-steps from {@code start}, at step t. */
        void slopes(SteinSurrogate stein, NoiseAddress noise, int start, int n, int t) {
            noise.elements(start, n, t, elements);
            stein.derivatives(z, noise.seed(), elements, g, n, scratch);
        }
    }

    static int advance(IntegrateAndFireNeuron neuron, SteinSurrogate stein, double[] membrane, int from, int to,
                       double[] current, int cOff, double[] spikes, double[] spikeSlopes, double[] resetSlopes,
                       int oOff, NoiseAddress noise, int t) {
        Block b = new Block(from, to);
        double threshold = neuron.threshold();
        int fired = 0;
        for (int start = from; start < to; start += BLOCK) {
            int n = Math.min(BLOCK, to - start);
            for (int j = 0; j < n; j++) {
                int k = start + j;
                double uk = neuron.integrate(membrane[k], current[cOff + k]);
                double sk = neuron.spike(uk);
                spikes[oOff + k] = sk;
                b.u[j] = uk;
                b.z[j] = uk - threshold; // what IntegrateAndFireNeuron.spikeSlope hands the surrogate
                membrane[k] = neuron.reset(uk, sk);
                if (sk != 0) {
                    fired++;
                }
            }
            b.slopes(stein, noise, start, n, t);
            for (int j = 0; j < n; j++) {
                int k = start + j;
                spikeSlopes[oOff + k] = b.g[j];
                resetSlopes[oOff + k] = neuron.resetSlope(b.u[j], spikes[oOff + k], b.g[j]);
            }
        }
        return fired;
    }

    /** The float {@link #advance}: {@link NeuronStep}'s float scalar step, each result rounded to float. */
    static int advance(IntegrateAndFireNeuron neuron, SteinSurrogate stein, float[] membrane, int from, int to,
                       float[] current, int cOff, float[] spikes, float[] spikeSlopes, float[] resetSlopes,
                       int oOff, NoiseAddress noise, int t) {
        Block b = new Block(from, to);
        double threshold = neuron.threshold();
        int fired = 0;
        for (int start = from; start < to; start += BLOCK) {
            int n = Math.min(BLOCK, to - start);
            for (int j = 0; j < n; j++) {
                int k = start + j;
                float uk = (float) neuron.integrate(membrane[k], current[cOff + k]);
                float sk = (float) neuron.spike(uk);
                spikes[oOff + k] = sk;
                b.u[j] = uk;
                b.z[j] = uk - threshold;
                membrane[k] = (float) neuron.reset(uk, sk);
                if (sk != 0) {
                    fired++;
                }
            }
            b.slopes(stein, noise, start, n, t);
            for (int j = 0; j < n; j++) {
                int k = start + j;
                float gk = (float) b.g[j];
                spikeSlopes[oOff + k] = gk;
                resetSlopes[oOff + k] = (float) neuron.resetSlope(b.u[j], spikes[oOff + k], gk);
            }
        }
        return fired;
    }
}
