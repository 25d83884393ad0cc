package org.dl4jsnn.neuron;

import org.dl4jsnn.surrogate.SteinSurrogate;

/**
 * {@link NeuronStep#advance} with the Stein surrogate (WSG): the neurons' integrate, spike and reset one
 * by one as {@link NeuronStep#scalarAdvance} does, but their slopes asked of the surrogate for a block of
 * neuron-steps at once ({@link SteinSurrogate#derivatives}), which hashes the block's draws together. The
 * results are {@link NeuronStep#scalarAdvance}'s bit for bit: the same neuron functions on the same
 * values, and the same draws at the same {@link NoiseAddress}.
 */
final class SteinStep {

    /** Neurons per surrogate call: small scratch arrays, long enough to fill the hash's lanes. */
    private static final int BLOCK = 256;

    private SteinStep() {
    }

    static int advance(IntegrateAndFireNeuron neuron, SteinSurrogate stein, double[] membrane, int from, int to,
                       double[] current, int cOff, double[] spikes, double[] spikeSlopes, double[] resetSlopes,
                       int oOff, NoiseAddress noise, int t) {
        int width = Math.min(BLOCK, Math.max(to - from, 0));
        double[] z = new double[width];
        long[] elements = new long[width];
        double[] g = new double[width];
        double[] u = new double[width];
        double threshold = neuron.threshold();
        int fired = 0;
        for (int start = from; start < to; start += BLOCK) {
            int n = Math.min(BLOCK, to - start);
            for (int j = 0; j < n; j++) {
                int k = start + j;
                double uk = neuron.integrate(membrane[k], current[cOff + k]);
                double sk = neuron.spike(uk);
                spikes[oOff + k] = sk;
                u[j] = uk;
                z[j] = uk - threshold; // what IntegrateAndFireNeuron.spikeSlope hands the surrogate
                membrane[k] = neuron.reset(uk, sk);
                if (sk != 0) {
                    fired++;
                }
            }
            noise.elements(start, n, t, elements);
            stein.derivatives(z, noise.seed(), elements, g, n);
            for (int j = 0; j < n; j++) {
                int k = start + j;
                spikeSlopes[oOff + k] = g[j];
                resetSlopes[oOff + k] = neuron.resetSlope(u[j], spikes[oOff + k], g[j]);
            }
        }
        return fired;
    }

    /** The float {@link #advance}: {@link NeuronStep}'s float scalar step, each result rounded to float. */
    static int advance(IntegrateAndFireNeuron neuron, SteinSurrogate stein, float[] membrane, int from, int to,
                       float[] current, int cOff, float[] spikes, float[] spikeSlopes, float[] resetSlopes,
                       int oOff, NoiseAddress noise, int t) {
        int width = Math.min(BLOCK, Math.max(to - from, 0));
        double[] z = new double[width];
        long[] elements = new long[width];
        double[] g = new double[width];
        float[] u = new float[width];
        double threshold = neuron.threshold();
        int fired = 0;
        for (int start = from; start < to; start += BLOCK) {
            int n = Math.min(BLOCK, to - start);
            for (int j = 0; j < n; j++) {
                int k = start + j;
                float uk = (float) neuron.integrate(membrane[k], current[cOff + k]);
                float sk = (float) neuron.spike(uk);
                spikes[oOff + k] = sk;
                u[j] = uk;
                z[j] = uk - threshold;
                membrane[k] = (float) neuron.reset(uk, sk);
                if (sk != 0) {
                    fired++;
                }
            }
            noise.elements(start, n, t, elements);
            stein.derivatives(z, noise.seed(), elements, g, n);
            for (int j = 0; j < n; j++) {
                int k = start + j;
                float gk = (float) g[j];
                spikeSlopes[oOff + k] = gk;
                resetSlopes[oOff + k] = (float) neuron.resetSlope(u[j], spikes[oOff + k], gk);
            }
        }
        return fired;
    }
}
