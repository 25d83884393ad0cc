package org.dl4jsnn.forward;

import org.dl4jsnn.kernel.DenseProducts;
import org.dl4jsnn.kernel.PrecisionCasts;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.NeuronStep;

/**
 * {@link SpikingDenseJvp} for a FLOAT network: the same sweep (current products, the shared
 * {@link NeuronStep}, the tangent step Sdot = g Udot, Udot' = a Udot) on float arrays, as BP's float
 * kernel ({@code FloatSpikingDenseKernel}) runs it, so both see the same spikes bit for bit. The
 * layer's parameters and directions are rounded to float once per sweep, as DL4J holds them for a FLOAT
 * network. Activity perturbation's current tangents are added here, in float.
 */
public final class FloatSpikingDenseJvp extends SpikingSweep<float[]> {

    /** The direct-current tangents, computed once (null until then, and for spike input). */
    private float[][] staticCurrentTangents;
    private float[] weights;
    private float[] bias;
    private float[][] directionWeights;
    private float[][] directionBias;

    /**
     * @param batchOffset the minibatch index of the first example this sweep sees (a thread's chunk): the
     *                    noise stays addressed by the whole minibatch's index
     */
    public FloatSpikingDenseJvp(IntegrateAndFireNeuron neuron, int nOut, int steps, long noiseSeed,
                                ParamTangents params, int batchOffset) {
        super(neuron, nOut, steps, noiseSeed, params, batchOffset);
    }

    /**
     * Advances one step driven by a direct current, the same at every step: computed once, by the float
     * products the layer's float kernel uses on the same float input.
     */
    public FloatStepValue step(int t, Value constantInput) {
        if (staticCurrentTangents == null) {
            staticCurrentTangents = currents(toFloatSteps(constantInput));
        }
        float[][] idots = staticCurrentTangents;
        if (currentTangent != null) {
            idots = currentTangent.inject(t, constantInput, idots);
        }
        return advance(t, current, idots);
    }

    /** Advances one step driven by this step's spikes of the previous layer. */
    public FloatStepValue step(int t, FloatStepValue input) {
        float[][] tangents = currents(input);
        if (currentTangent != null) {
            tangents = currentTangent.inject(t, input, tangents);
        }
        return advance(t, current, tangents);
    }

    /** The input current into {@code current}, and its tangents. */
    private float[][] currents(FloatStepValue input) {
        int nIn = input.width();
        if (!allocated()) {
            allocate(input.batch());
            roundParams(nIn);
        }
        DenseProducts.columns(weights, 0, nOut, nIn, input.primal(), 0, batch, bias, 0, current, 0, false);
        return currentTangents(nIn, input.primal(), input.tangents());
    }

    /** A [rows][cols] double Value as float [cols][rows] (batch innermost), as DL4J's FLOAT input holds it. */
    static FloatStepValue toFloatSteps(Value v) {
        StepValue s = StepValue.of(v);
        float[][] t = new float[s.directions()][];
        for (int k = 0; k < t.length; k++) {
            t[k] = s.tangents()[k] == null ? null : narrow(s.tangents()[k]);
        }
        return new FloatStepValue(s.width(), s.batch(), narrow(s.primal()), t);
    }

    private FloatStepValue advance(int t, float[] i, float[][] idots) {
        // the fused step of the layer's own float kernel, drawing WSG noise at the same addresses
        spikeCount += NeuronStep.advance(neuron, membrane, 0, batch * nOut, i, 0, spikes, spikeSlopes, resetSlopes, 0,
                noise, t);
        return new FloatStepValue(nOut, batch, spikes, spikeTangents(idots));
    }

    @Override
    float[] newArray(int n) {
        return new float[n];
    }

    @Override
    float[][] newArrays(int n) {
        return new float[n][];
    }

    @Override
    void ownCurrent(int k, int nIn, float[] x, float[] cd) {
        DenseProducts.columns(directionWeights[k], 0, nOut, nIn, x, 0, batch, directionBias[k], 0, cd, 0, false);
    }

    @Override
    void carriedCurrent(int nIn, float[] xdot, float[] cd, boolean add) {
        DenseProducts.columns(weights, 0, nOut, nIn, xdot, 0, batch, null, 0, cd, 0, add);
    }

    @Override
    void tangentStep(float[] ud, float[] idot, float[] sd) {
        NeuronStep.tangent(neuron, ud, idot, spikeSlopes, resetSlopes, sd, sd.length);
    }

    private void roundParams(int nIn) {
        int w = params.weightOffset();
        int b = params.biasOffset();
        weights = slice(params.params(), w, nOut * nIn);
        bias = slice(params.params(), b, nOut);
        int directions = params.directionCount();
        directionWeights = new float[directions][];
        directionBias = new float[directions][];
        for (int k = 0; k < directions; k++) {
            if (params.perturbs(k)) {
                directionWeights[k] = slice(params.directions()[k], w, nOut * nIn);
                directionBias[k] = slice(params.directions()[k], b, nOut);
            }
        }
    }

    private static float[] slice(double[] a, int from, int n) {
        float[] f = new float[n];
        for (int e = 0; e < n; e++) {
            f[e] = (float) a[from + e];
        }
        return f;
    }

    private static float[] narrow(double[] a) {
        float[] f = new float[a.length];
        PrecisionCasts.narrow(a, f, a.length);
        return f;
    }
}
