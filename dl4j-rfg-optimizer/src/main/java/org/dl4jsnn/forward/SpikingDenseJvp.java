package org.dl4jsnn.forward;

import java.util.Arrays;
import org.dl4jsnn.kernel.DenseProducts;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.NeuronStep;
import org.dl4jsnn.neuron.NoiseAddress;

/**
 * The forward-mode sweep of one spiking dense layer, one time step at a time: it holds only the current
 * membrane U and its tangents Udot (no T-long history), and advances it by the same {@link NeuronStep},
 * on the same batch-innermost layout [j][b] and with the same current products
 * ({@link DenseProducts#columns}), as back-propagation's kernel: both see the same spikes bit for bit.
 */
public final class SpikingDenseJvp {

    private final IntegrateAndFireNeuron neuron;
    private final int nOut;
    private final int steps;
    private final long noiseSeed;
    private final ParamTangents params;
    private final int batchOffset;

    private int batch;
    private NoiseAddress noise;
    private double[] membrane;
    private double[][] membraneTangents;
    private StepValue staticCurrent;
    private long spikeCount;
    // reused every step: a step's outputs are consumed within that step, by the next layer and the readout
    private double[] current;
    private double[][] currentTangents;
    private double[] spikes;
    private double[] spikeSlopes;
    private double[] resetSlopes;
    private double[][] spikeTangentBuffers;
    private CurrentTangent currentTangent;

    public SpikingDenseJvp(IntegrateAndFireNeuron neuron, int nOut, int steps, long noiseSeed, ParamTangents params) {
        this(neuron, nOut, steps, noiseSeed, params, 0);
    }

    /**
     * @param batchOffset the minibatch index of the first example this sweep sees (a thread's chunk): the
     *                    noise stays addressed by the whole minibatch's index
     */
    public SpikingDenseJvp(IntegrateAndFireNeuron neuron, int nOut, int steps, long noiseSeed, ParamTangents params,
                           int batchOffset) {
        this.batchOffset = batchOffset;
        this.neuron = neuron;
        this.nOut = nOut;
        this.steps = steps;
        this.noiseSeed = noiseSeed;
        this.params = params;
    }

    /** Activity perturbation: {@code hook} adds a current tangent u_t every step (docs/design.md section 3). */
    public void injectCurrents(CurrentTangent hook) {
        this.currentTangent = hook;
    }

    /** Advances one step driven by a direct current, the same at every step (its current is computed once). */
    public StepValue step(int t, Value constantInput) {
        if (staticCurrent == null) {
            staticCurrent = StepValue.of(Affine.jvp(constantInput, params, nOut));
        }
        if (membrane == null) {
            allocate(constantInput.rows(), params.directionCount());
        }
        double[][] idots = staticCurrent.tangents();
        if (currentTangent != null) {
            idots = currentTangent.inject(t, constantInput, idots);
        }
        return advance(t, staticCurrent.primal(), idots);
    }

    /** Advances one step driven by this step's spikes of the previous layer. */
    public StepValue step(int t, StepValue input) {
        if (membrane == null) {
            allocate(input.batch(), params.directionCount());
        }
        int nIn = input.width();
        double[] p = params.params();
        int w = params.weightOffset();
        int bOff = params.biasOffset();
        DenseProducts.columns(p, w, nOut, nIn, input.primal(), 0, batch, p, bOff, current, 0, false);
        double[][] tangents = new double[params.directionCount()][];
        for (int k = 0; k < tangents.length; k++) {
            boolean own = params.perturbs(k);
            double[] carried = input.tangents()[k];
            if (!own && carried == null) {
                continue;
            }
            if (currentTangents[k] == null) {
                currentTangents[k] = new double[batch * nOut];
            }
            double[] cd = currentTangents[k];
            if (own) {
                double[] v = params.directions()[k];
                DenseProducts.columns(v, w, nOut, nIn, input.primal(), 0, batch, v, bOff, cd, 0, false);
            }
            if (carried != null) {
                DenseProducts.columns(p, w, nOut, nIn, carried, 0, batch, null, 0, cd, 0, own);
            }
            tangents[k] = cd;
        }
        if (currentTangent != null) {
            tangents = currentTangent.inject(t, input, tangents);
        }
        return advance(t, current, tangents);
    }

    private StepValue advance(int t, double[] i, double[][] idots) {
        double[] g = spikeSlopes;
        double[] a = resetSlopes;
        // the fused step of the layer's own kernel, drawing WSG noise at the same addresses
        spikeCount += NeuronStep.advance(neuron, membrane, 0, batch * nOut, i, 0, spikes, g, a, 0, noise, t);
        double[][] spikeTangents = new double[idots.length][];
        for (int k = 0; k < spikeTangents.length; k++) {
            double[] idot = idots[k];
            if (idot == null) {
                continue;
            }
            if (membraneTangents[k] == null) {
                membraneTangents[k] = new double[batch * nOut];
                spikeTangentBuffers[k] = new double[batch * nOut];
            }
            double[] ud = membraneTangents[k];
            double[] sd = spikeTangentBuffers[k];
            NeuronStep.tangent(neuron, ud, idot, g, a, sd, sd.length);
            spikeTangents[k] = sd;
        }
        return new StepValue(nOut, batch, spikes, spikeTangents);
    }

    private void allocate(int batchSize, int directions) {
        batch = batchSize;
        noise = new NoiseAddress(noiseSeed, steps, nOut, batch, true, batchOffset);
        int n = batch * nOut;
        membrane = new double[n];
        membraneTangents = new double[directions][];
        current = new double[n];
        currentTangents = new double[directions][];
        spikes = new double[n];
        spikeSlopes = new double[n];
        resetSlopes = new double[n];
        spikeTangentBuffers = new double[directions][];
    }

    public long spikeCount() {
        return spikeCount;
    }

    public long neuronSteps() {
        return membrane == null ? 0 : (long) membrane.length * steps;
    }

    @Override
    public String toString() {
        return "SpikingDenseJvp(nOut=" + nOut + ", T=" + steps + ", state=" + Arrays.toString(
                membrane == null ? new int[0] : new int[] {nOut, batch}) + ")";
    }
}
