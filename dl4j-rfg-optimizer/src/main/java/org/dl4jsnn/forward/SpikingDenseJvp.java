package org.dl4jsnn.forward;

import java.util.Arrays;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.NeuronStep;
import org.dl4jsnn.neuron.NoiseAddress;

/**
 * The forward-mode sweep of one spiking dense layer, one time step at a time: it holds only the current
 * membrane U and its tangents Udot (no T-long history), and advances it by the same {@link NeuronStep}
 * that back-propagation's kernel uses.
 */
public final class SpikingDenseJvp {

    private final IntegrateAndFireNeuron neuron;
    private final int nOut;
    private final int steps;
    private final long noiseSeed;
    private final ParamTangents params;

    private int rows;
    private NoiseAddress noise;
    private double[] membrane;
    private double[][] membraneTangents;
    private Value staticCurrent;
    private long spikeCount;
    // reused every step: a step's outputs are consumed within that step, by the next layer and the readout
    private double[] current;
    private double[][] currentTangents;
    private double[] spikes;
    private double[] spikeSlopes;
    private double[] resetSlopes;
    private double[][] spikeTangentBuffers;

    public SpikingDenseJvp(IntegrateAndFireNeuron neuron, int nOut, int steps, long noiseSeed, ParamTangents params) {
        this.neuron = neuron;
        this.nOut = nOut;
        this.steps = steps;
        this.noiseSeed = noiseSeed;
        this.params = params;
    }

    /**
     * Advances one step.
     *
     * @param input      this step's input: spikes of the previous layer, or the constant direct current
     * @param constInput true when the input is the same at every step (its current is computed once)
     */
    public Value step(int t, Value input, boolean constInput) {
        if (membrane == null) {
            allocate(input.rows(), params.directionCount());
        }
        Value cur;
        if (constInput) {
            if (staticCurrent == null) {
                staticCurrent = Affine.jvp(input, params, nOut);
            }
            cur = staticCurrent;
        } else {
            cur = Affine.jvpInto(input, params, nOut, current, currentTangents);
        }
        double[] g = spikeSlopes;
        double[] a = resetSlopes;
        // the fused step of the layer's own kernel, drawing WSG noise at the same addresses
        spikeCount += NeuronStep.advance(neuron, membrane, 0, rows * nOut, cur.primal(), 0, spikes, g, a, 0, noise, t);
        double[][] spikeTangents = new double[cur.directions()][];
        for (int k = 0; k < spikeTangents.length; k++) {
            double[] idot = cur.tangents()[k];
            if (idot == null) {
                continue;
            }
            if (membraneTangents[k] == null) {
                membraneTangents[k] = new double[rows * nOut];
                spikeTangentBuffers[k] = new double[rows * nOut];
            }
            double[] ud = membraneTangents[k];
            double[] sd = spikeTangentBuffers[k];
            for (int e = 0; e < sd.length; e++) {
                double udot = neuron.integrate(ud[e], idot[e]);
                sd[e] = g[e] * udot;
                ud[e] = a[e] * udot;
            }
            spikeTangents[k] = sd;
        }
        return new Value(rows, nOut, spikes, spikeTangents);
    }

    private void allocate(int batchRows, int directions) {
        rows = batchRows;
        noise = new NoiseAddress(noiseSeed, steps, nOut, rows, false);
        int n = rows * nOut;
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
                membrane == null ? new int[0] : new int[] {rows, nOut}) + ")";
    }
}
