package org.dl4jsnn.forward;

import java.util.Arrays;
import org.dl4jsnn.kernel.DenseProducts;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.NeuronStep;

/**
 * The forward-mode sweep of one spiking dense layer, one time step at a time: it holds only the current
 * membrane U and its tangents Udot (no T-long history), and advances it by the same {@link NeuronStep},
 * on the same batch-innermost layout [j][b] and with the same current products
 * ({@link DenseProducts#columns}), as back-propagation's kernel: both see the same spikes bit for bit.
 */
public final class SpikingDenseJvp extends SpikingSweep<double[]> {

    private StepValue staticCurrent;

    public SpikingDenseJvp(IntegrateAndFireNeuron neuron, int nOut, int steps, long noiseSeed, ParamTangents params) {
        this(neuron, nOut, steps, noiseSeed, params, 0);
    }

    /**
     * @param batchOffset the minibatch index of the first example this sweep sees (a thread's chunk): the
     *                    noise stays addressed by the whole minibatch's index
     */
    public SpikingDenseJvp(IntegrateAndFireNeuron neuron, int nOut, int steps, long noiseSeed, ParamTangents params,
                           int batchOffset) {
        super(neuron, nOut, steps, noiseSeed, params, batchOffset);
    }

    /** Advances one step driven by a direct current, the same at every step (its current is computed once). */
    public StepValue step(int t, Value constantInput) {
        if (staticCurrent == null) {
            staticCurrent = StepValue.of(Affine.jvp(constantInput, params, nOut));
        }
        if (!allocated()) {
            allocate(constantInput.rows());
        }
        double[][] idots = staticCurrent.tangents();
        if (currentTangent != null) {
            idots = currentTangent.inject(t, constantInput, idots);
        }
        return advance(t, staticCurrent.primal(), idots);
    }

    /** Advances one step driven by this step's spikes of the previous layer. */
    public StepValue step(int t, StepValue input) {
        if (!allocated()) {
            allocate(input.batch());
        }
        int nIn = input.width();
        double[] p = params.params();
        DenseProducts.columns(p, params.weightOffset(), nOut, nIn, input.primal(), 0, batch, p, params.biasOffset(),
                current, 0, false);
        double[][] tangents = currentTangents(nIn, input.primal(), input.tangents());
        if (currentTangent != null) {
            tangents = currentTangent.inject(t, input, tangents);
        }
        return advance(t, current, tangents);
    }

    private StepValue advance(int t, double[] i, double[][] idots) {
        // the fused step of the layer's own kernel, drawing WSG noise at the same addresses
        spikeCount += NeuronStep.advance(neuron, membrane, 0, batch * nOut, i, 0, spikes, spikeSlopes, resetSlopes, 0,
                noise, t);
        return new StepValue(nOut, batch, spikes, spikeTangents(idots));
    }

    @Override
    double[] newArray(int n) {
        return new double[n];
    }

    @Override
    double[][] newArrays(int n) {
        return new double[n][];
    }

    @Override
    void ownCurrent(int k, int nIn, double[] x, double[] cd) {
        double[] v = params.directions()[k];
        DenseProducts.columns(v, params.weightOffset(), nOut, nIn, x, 0, batch, v, params.biasOffset(), cd, 0, false);
    }

    @Override
    void carriedCurrent(int nIn, double[] xdot, double[] cd, boolean add) {
        DenseProducts.columns(params.params(), params.weightOffset(), nOut, nIn, xdot, 0, batch, null, 0, cd, 0, add);
    }

    @Override
    void tangentStep(double[] ud, double[] idot, double[] sd) {
        NeuronStep.tangent(neuron, ud, idot, spikeSlopes, resetSlopes, sd, sd.length);
    }

    @Override
    public String toString() {
        return "SpikingDenseJvp(nOut=" + nOut + ", state=" + Arrays.toString(
                allocated() ? new int[] {nOut, batch} : new int[0]) + ")";
    }
}
