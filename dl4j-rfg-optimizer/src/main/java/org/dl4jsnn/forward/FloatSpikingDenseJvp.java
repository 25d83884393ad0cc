package org.dl4jsnn.forward;

import org.dl4jsnn.kernel.DenseProducts;
import org.dl4jsnn.kernel.PrecisionCasts;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.NeuronStep;
import org.dl4jsnn.neuron.NoiseAddress;

/**
 * {@link SpikingDenseJvp} for a FLOAT network: the same sweep (current products, the shared
 * {@link NeuronStep}, the tangent step Sdot = g Udot, Udot' = a Udot) on float arrays, as BP's float
 * kernel ({@code FloatSpikingDenseKernel}) runs it, so both see the same spikes bit for bit. The
 * layer's parameters and directions are rounded to float once per sweep, as DL4J holds them for a FLOAT
 * network.
 */
public final class FloatSpikingDenseJvp {

    private final IntegrateAndFireNeuron neuron;
    private final int nOut;
    private final int steps;
    private final long noiseSeed;
    private final ParamTangents params;
    private final int batchOffset;

    private int batch;
    private NoiseAddress noise;
    private float[] membrane;
    private float[][] membraneTangents;
    /** The direct-current tangents, computed once (null until then, and for spike input). */
    private float[][] staticCurrentTangents;
    private long spikeCount;
    private float[] weights;
    private float[] bias;
    private float[][] directionWeights;
    private float[][] directionBias;
    private float[] current;
    private float[][] currentTangents;
    private float[] spikes;
    private float[] spikeSlopes;
    private float[] resetSlopes;
    private float[][] spikeTangentBuffers;
    private CurrentTangent currentTangent;

    /**
     * @param batchOffset the minibatch index of the first example this sweep sees (a thread's chunk): the
     *                    noise stays addressed by the whole minibatch's index
     */
    public FloatSpikingDenseJvp(IntegrateAndFireNeuron neuron, int nOut, int steps, long noiseSeed,
                                ParamTangents params, int batchOffset) {
        this.batchOffset = batchOffset;
        this.neuron = neuron;
        this.nOut = nOut;
        this.steps = steps;
        this.noiseSeed = noiseSeed;
        this.params = params;
    }

    /** Activity perturbation: {@code hook} adds a float current tangent u_t every step (docs/design.md section 3). */
    public void injectCurrents(CurrentTangent hook) {
        this.currentTangent = hook;
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

    /** The input current and its tangents into {@code current} and {@code currentTangents}. */
    private float[][] currents(FloatStepValue input) {
        int nIn = input.width();
        if (membrane == null) {
            allocate(input.batch(), params.directionCount());
            roundParams(nIn);
        }
        DenseProducts.columns(weights, 0, nOut, nIn, input.primal(), 0, batch, bias, 0, current, 0, false);
        float[][] tangents = new float[params.directionCount()][];
        for (int k = 0; k < tangents.length; k++) {
            boolean own = params.perturbs(k);
            float[] carried = input.tangents()[k];
            if (!own && carried == null) {
                continue;
            }
            if (currentTangents[k] == null) {
                currentTangents[k] = new float[batch * nOut];
            }
            float[] cd = currentTangents[k];
            if (own) {
                DenseProducts.columns(directionWeights[k], 0, nOut, nIn, input.primal(), 0, batch, directionBias[k],
                        0, cd, 0, false);
            }
            if (carried != null) {
                DenseProducts.columns(weights, 0, nOut, nIn, carried, 0, batch, null, 0, cd, 0, own);
            }
            tangents[k] = cd;
        }
        return tangents;
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
        float[] g = spikeSlopes;
        float[] a = resetSlopes;
        // the fused step of the layer's own float kernel, drawing WSG noise at the same addresses
        spikeCount += NeuronStep.advance(neuron, membrane, 0, batch * nOut, i, 0, spikes, g, a, 0, noise, t);
        float[][] spikeTangents = new float[idots.length][];
        for (int k = 0; k < spikeTangents.length; k++) {
            float[] idot = idots[k];
            if (idot == null) {
                continue;
            }
            if (membraneTangents[k] == null) {
                membraneTangents[k] = new float[batch * nOut];
                spikeTangentBuffers[k] = new float[batch * nOut];
            }
            float[] ud = membraneTangents[k];
            float[] sd = spikeTangentBuffers[k];
            NeuronStep.tangent(neuron, ud, idot, g, a, sd, sd.length);
            spikeTangents[k] = sd;
        }
        return new FloatStepValue(nOut, batch, spikes, spikeTangents);
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

    private void allocate(int batchSize, int directions) {
        batch = batchSize;
        noise = new NoiseAddress(noiseSeed, steps, nOut, batch, true, batchOffset);
        int n = batch * nOut;
        membrane = new float[n];
        membraneTangents = new float[directions][];
        current = new float[n];
        currentTangents = new float[directions][];
        spikes = new float[n];
        spikeSlopes = new float[n];
        resetSlopes = new float[n];
        spikeTangentBuffers = new float[directions][];
    }

    public long spikeCount() {
        return spikeCount;
    }

    public long neuronSteps() {
        return membrane == null ? 0 : (long) membrane.length * steps;
    }
}
