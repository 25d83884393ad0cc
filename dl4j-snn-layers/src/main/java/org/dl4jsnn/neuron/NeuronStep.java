package org.dl4jsnn.neuron;

import org.dl4jsnn.kernel.VectorApi;
import org.dl4jsnn.surrogate.GaussianSurrogate;
import org.dl4jsnn.surrogate.SteinSurrogate;

/**
 * One time step of a block of neurons, fused: integrate, spike, surrogate slope, reset slope, reset, in
 * the order {@link IntegrateAndFireNeuron} defines. Back-propagation's forward pass
 * ({@code SpikingDenseKernel}) and the forward-mode sweep ({@code SpikingDenseJvp}) both advance their
 * neurons only through {@link #advance}, so the two differentiate the very same trajectories.
 *
 * <p>The block is contiguous: neuron k of the block reads {@code current[cOff + k]}, keeps its membrane
 * in {@code membrane[k]} and writes {@code out[oOff + k]}; a stochastic surrogate draws its noise at the
 * neuron-step's {@link NoiseAddress}, the same in both callers whatever their block layout; the Stein
 * surrogate (WSG) estimates the block's slopes together ({@link SteinStep}), bit for bit as one by one.
 * With the Gaussian surrogate and the
 * Vector API present, the block runs in SIMD lanes with a vector {@code exp}: that {@code exp} may differ
 * from {@link Math#exp} in the last bit, so the slopes match the scalar ones to about 1e-15 relative; the
 * spikes, the membranes and the reset are the same. Other surrogates and soft spikes run the scalar
 * functions element by element.
 */
public final class NeuronStep {

    private NeuronStep() {
    }

    /**
     * Advances neurons [from, to) by step t.
     *
     * @param spikeSlopes null when no slopes are wanted (inference): then neither slope is computed
     * @param resetSlopes null exactly when spikeSlopes is
     * @return how many of them spiked
     */
    public static int advance(IntegrateAndFireNeuron neuron, double[] membrane, int from, int to, double[] current,
                              int cOff, double[] spikes, double[] spikeSlopes, double[] resetSlopes, int oOff,
                              NoiseAddress noise, int t) {
        if ((spikeSlopes == null) != (resetSlopes == null)) {
            throw new IllegalArgumentException("spikeSlopes and resetSlopes must both be given or both be null");
        }
        if (simd(neuron, spikeSlopes != null)) {
            return NeuronStepSimd.advance(neuron, membrane, from, to, current, cOff, spikes,
                    spikeSlopes, resetSlopes, oOff);
        }
        if (spikeSlopes != null && neuron.surrogate() instanceof SteinSurrogate stein) {
            return SteinStep.advance(neuron, stein, membrane, from, to, current, cOff, spikes, spikeSlopes,
                    resetSlopes, oOff, noise, t);
        }
        return scalarAdvance(neuron, membrane, from, to, current, cOff, spikes, spikeSlopes, resetSlopes, oOff,
                noise, t);
    }

    /** {@link #advance} element by element through the neuron's scalar functions: the reference. */
    public static int scalarAdvance(IntegrateAndFireNeuron neuron, double[] membrane, int from, int to,
                                    double[] current, int cOff, double[] spikes, double[] spikeSlopes,
                                    double[] resetSlopes, int oOff, NoiseAddress noise, int t) {
        int fired = 0;
        for (int k = from; k < to; k++) {
            double u = neuron.integrate(membrane[k], current[cOff + k]);
            double s = neuron.spike(u);
            spikes[oOff + k] = s;
            if (spikeSlopes != null) {
                double g = neuron.spikeSlope(u, noise.seed(), noise.element(k, t));
                spikeSlopes[oOff + k] = g;
                resetSlopes[oOff + k] = neuron.resetSlope(u, s, g);
            }
            membrane[k] = neuron.reset(u, s);
            if (s != 0) {
                fired++;
            }
        }
        return fired;
    }

    /**
     * One step of back-propagation through time for neurons [0, n), the adjoint of {@link #advance}: with
     * c = dL/dU' carried back from step t + 1, dU = dL/dS g + a c (see
     * {@link IntegrateAndFireNeuron#adjointMembrane}); writes dU to {@code lossPerCurrent}, adds it to
     * {@code lossPerCurrentTotal}, and carries beta dU to step t - 1 in {@code carried}.
     */
    public static void adjoint(IntegrateAndFireNeuron neuron, double[] lossPerSpike, double[] spikeSlopes,
                               double[] resetSlopes, int off, double[] carried, double[] lossPerCurrent,
                               double[] lossPerCurrentTotal, int n) {
        if (VectorApi.available()) {
            NeuronStepSimd.adjoint(neuron.beta(), lossPerSpike, spikeSlopes, resetSlopes, off, carried,
                    lossPerCurrent, lossPerCurrentTotal, n);
            return;
        }
        for (int k = 0; k < n; k++) {
            double dU = IntegrateAndFireNeuron.adjointMembrane(lossPerSpike[off + k], spikeSlopes[off + k],
                    resetSlopes[off + k], carried[k]);
            lossPerCurrent[k] = dU;
            lossPerCurrentTotal[k] += dU;
            carried[k] = neuron.adjointCarry(dU);
        }
    }

    /**
     * {@link #advance} for a FLOAT network, on float arrays: the same rule (the SIMD lanes are
     * {@link NeuronStepSimd}'s, written once for both precisions; the scalar path calls the neuron's own
     * functions and rounds each result to float). The WSG draws come from the same counters as in double;
     * only the slope they give is rounded to float.
     */
    public static int advance(IntegrateAndFireNeuron neuron, float[] membrane, int from, int to, float[] current,
                              int cOff, float[] spikes, float[] spikeSlopes, float[] resetSlopes, int oOff,
                              NoiseAddress noise, int t) {
        if ((spikeSlopes == null) != (resetSlopes == null)) {
            throw new IllegalArgumentException("spikeSlopes and resetSlopes must both be given or both be null");
        }
        if (simd(neuron, spikeSlopes != null)) {
            return NeuronStepSimd.advance(neuron, membrane, from, to, current, cOff, spikes,
                    spikeSlopes, resetSlopes, oOff);
        }
        if (spikeSlopes != null && neuron.surrogate() instanceof SteinSurrogate stein) {
            return SteinStep.advance(neuron, stein, membrane, from, to, current, cOff, spikes, spikeSlopes,
                    resetSlopes, oOff, noise, t);
        }
        return scalarAdvance(neuron, membrane, from, to, current, cOff, spikes, spikeSlopes, resetSlopes, oOff,
                noise, t);
    }

    private static boolean simd(IntegrateAndFireNeuron neuron, boolean slopes) {
        return VectorApi.available() && !neuron.softSpikes()
                && (!slopes || neuron.surrogate() instanceof GaussianSurrogate);
    }

    /** The float {@link #advance} element by element through the neuron's scalar functions, rounded to float. */
    public static int scalarAdvance(IntegrateAndFireNeuron neuron, float[] membrane, int from, int to,
                                    float[] current, int cOff, float[] spikes, float[] spikeSlopes,
                                    float[] resetSlopes, int oOff, NoiseAddress noise, int t) {
        int fired = 0;
        for (int k = from; k < to; k++) {
            float u = (float) neuron.integrate(membrane[k], current[cOff + k]);
            float s = (float) neuron.spike(u);
            spikes[oOff + k] = s;
            if (spikeSlopes != null) {
                float g = (float) neuron.spikeSlope(u, noise.seed(), noise.element(k, t));
                spikeSlopes[oOff + k] = g;
                resetSlopes[oOff + k] = (float) neuron.resetSlope(u, s, g);
            }
            membrane[k] = (float) neuron.reset(u, s);
            if (s != 0) {
                fired++;
            }
        }
        return fired;
    }

    /** {@link #adjoint} on float arrays. */
    public static void adjoint(IntegrateAndFireNeuron neuron, float[] lossPerSpike, float[] spikeSlopes,
                               float[] resetSlopes, int off, float[] carried, float[] lossPerCurrent,
                               float[] lossPerCurrentTotal, int n) {
        if (VectorApi.available()) {
            NeuronStepSimd.adjoint(neuron.beta(), lossPerSpike, spikeSlopes, resetSlopes, off,
                    carried, lossPerCurrent, lossPerCurrentTotal, n);
            return;
        }
        for (int k = 0; k < n; k++) {
            float dU = (float) IntegrateAndFireNeuron.adjointMembrane(lossPerSpike[off + k], spikeSlopes[off + k],
                    resetSlopes[off + k], carried[k]);
            lossPerCurrent[k] = dU;
            lossPerCurrentTotal[k] += dU;
            carried[k] = (float) neuron.adjointCarry(dU);
        }
    }

    /**
     * The forward-mode tangent of one step for neurons [0, n), with the step's slopes g and a (see
     * {@link IntegrateAndFireNeuron}): Udot = integrate(Udot', Idot), Sdot = g Udot, Udot'(new) = a Udot.
     * Writes Sdot to {@code spikeTangent} and the carried Udot' over {@code membraneTangent}.
     */
    public static void tangent(IntegrateAndFireNeuron neuron, double[] membraneTangent, double[] currentTangent,
                               double[] g, double[] a, double[] spikeTangent, int n) {
        if (VectorApi.available()) {
            NeuronStepSimd.tangent(neuron.beta(), membraneTangent, currentTangent, g, a, spikeTangent, n);
            return;
        }
        for (int e = 0; e < n; e++) {
            double udot = neuron.integrate(membraneTangent[e], currentTangent[e]);
            spikeTangent[e] = g[e] * udot;
            membraneTangent[e] = a[e] * udot;
        }
    }

    /** {@link #tangent} on float arrays. */
    public static void tangent(IntegrateAndFireNeuron neuron, float[] membraneTangent, float[] currentTangent,
                               float[] g, float[] a, float[] spikeTangent, int n) {
        if (VectorApi.available()) {
            NeuronStepSimd.tangent(neuron.beta(), membraneTangent, currentTangent, g, a, spikeTangent, n);
            return;
        }
        for (int e = 0; e < n; e++) {
            float udot = (float) neuron.integrate(membraneTangent[e], currentTangent[e]);
            spikeTangent[e] = g[e] * udot;
            membraneTangent[e] = a[e] * udot;
        }
    }
}
