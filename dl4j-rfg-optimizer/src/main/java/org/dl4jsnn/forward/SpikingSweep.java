package org.dl4jsnn.forward;

import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.NoiseAddress;

/**
 * What the double ({@link SpikingDenseJvp}) and the float ({@link FloatSpikingDenseJvp}) forward sweep of a
 * spiking dense layer share (docs/design.md section 3): the layer's constants and step state, which stacked
 * direction needs a current tangent and a tangent step, the activity-perturbation hook and the counts.
 * A subclass does the arithmetic in its precision (its products and the shared NeuronStep) behind the
 * abstract methods, which run once per direction and step, never per entry, so every inner loop stays in
 * its precision's own kernel.
 *
 * @param <A> the precision's array type, double[] or float[]
 */
abstract class SpikingSweep<A> {

    protected final IntegrateAndFireNeuron neuron;
    protected final int nOut;
    protected final ParamTangents params;
    private final int steps;
    private final long noiseSeed;
    private final int batchOffset;

    protected int batch;
    protected NoiseAddress noise;
    protected long spikeCount;
    // reused every step: a step's outputs are consumed within that step, by the next layer and the readout
    protected A membrane;
    protected A current;
    protected A spikes;
    protected A spikeSlopes;
    protected A resetSlopes;
    private A[] membraneTangents;
    private A[] currentTangents;
    private A[] spikeTangentBuffers;
    protected CurrentTangent currentTangent;

    /**
     * @param batchOffset the minibatch index of the first example this sweep sees (a thread's chunk): the
     *                    noise stays addressed by the whole minibatch's index
     */
    SpikingSweep(IntegrateAndFireNeuron neuron, int nOut, int steps, long noiseSeed, ParamTangents params,
                 int batchOffset) {
        this.neuron = neuron;
        this.nOut = nOut;
        this.steps = steps;
        this.noiseSeed = noiseSeed;
        this.params = params;
        this.batchOffset = batchOffset;
    }

    /** Activity perturbation: {@code hook} adds a current tangent u_t every step (docs/design.md section 3). */
    public void injectCurrents(CurrentTangent hook) {
        this.currentTangent = hook;
    }

    /** A zeroed array of n entries. */
    abstract A newArray(int n);

    /** n null arrays. */
    abstract A[] newArrays(int n);

    /** cd = V_k x + v_k: direction k's own weights and bias on the input x ([i][b]). */
    abstract void ownCurrent(int k, int nIn, A x, A cd);

    /** cd = W xdot, or cd += W xdot when {@code add}. */
    abstract void carriedCurrent(int nIn, A xdot, A cd, boolean add);

    /** The neuron's tangent step of ud by idot into sd, with this step's slopes (NeuronStep.tangent). */
    abstract void tangentStep(A ud, A idot, A sd);

    protected boolean allocated() {
        return membrane != null;
    }

    protected void allocate(int batchSize) {
        batch = batchSize;
        noise = new NoiseAddress(noiseSeed, steps, nOut, batch, true, batchOffset);
        int n = batch * nOut;
        int directions = params.directionCount();
        membrane = newArray(n);
        current = newArray(n);
        spikes = newArray(n);
        spikeSlopes = newArray(n);
        resetSlopes = newArray(n);
        membraneTangents = newArrays(directions);
        currentTangents = newArrays(directions);
        spikeTangentBuffers = newArrays(directions);
    }

    /**
     * The current tangents of a step whose input x carries the tangents {@code carried}: per direction its
     * own V x + v if it perturbs this layer, plus W xdot if its input tangent is nonzero; null where both are
     * zero.
     */
    protected A[] currentTangents(int nIn, A x, A[] carried) {
        A[] tangents = newArrays(params.directionCount());
        for (int k = 0; k < tangents.length; k++) {
            boolean own = params.perturbs(k);
            A xdot = carried[k];
            if (!own && xdot == null) {
                continue;
            }
            if (currentTangents[k] == null) {
                currentTangents[k] = newArray(batch * nOut);
            }
            A cd = currentTangents[k];
            if (own) {
                ownCurrent(k, nIn, x, cd);
            }
            if (xdot != null) {
                carriedCurrent(nIn, xdot, cd, own);
            }
            tangents[k] = cd;
        }
        return tangents;
    }

    /** The spike tangents of this step from its current tangents (null, a zero tangent, stays null). */
    protected A[] spikeTangents(A[] idots) {
        A[] out = newArrays(idots.length);
        for (int k = 0; k < out.length; k++) {
            A idot = idots[k];
            if (idot == null) {
                continue;
            }
            if (membraneTangents[k] == null) {
                membraneTangents[k] = newArray(batch * nOut);
                spikeTangentBuffers[k] = newArray(batch * nOut);
            }
            A sd = spikeTangentBuffers[k];
            tangentStep(membraneTangents[k], idot, sd);
            out[k] = sd;
        }
        return out;
    }

    public long spikeCount() {
        return spikeCount;
    }

    public long neuronSteps() {
        return allocated() ? (long) batch * nOut * steps : 0;
    }
}
