package org.dl4jsnn.layer;

import org.dl4jsnn.neuron.IntegrateAndFireNeuron;

/**
 * A spiking dense layer over all T steps, on plain arrays: the forward trajectories and the
 * back-propagation through time.
 *
 * <p>Layouts (row-major): weights w[j][i] (nOut x nIn), direct-current input x[b][i], spike input
 * s[b][i][t], spikes and slopes [b][j][t]. Each (example, neuron) trajectory is one tight loop over
 * contiguous t, and the synaptic current of all T steps is accumulated in the same pass: ND4J calls
 * cost 15-30 us each here, so a per-step chain of ND4J ops would be all overhead (DL4J-NOTES).
 */
public final class SpikingDenseKernel {

    private SpikingDenseKernel() {
    }

    /** What the forward pass keeps for back-propagation; slopes are null for inference. */
    public record Trace(double[] spikes, double[] spikeSlopes, double[] resetSlopes) {
    }

    /** The gradients of one backward pass; weight and bias gradients are sums over the minibatch. */
    public record Gradients(double[] weights, double[] bias, double[] input) {
    }

    /**
     * Runs the layer forward.
     *
     * @param withSlopes also record the surrogate and reset slopes for back-propagation
     * @param noiseSeed  noise stream for a stochastic surrogate; element index = (b nOut + j) T + t
     */
    public static Trace forward(LayerShape shape, double[] input, double[] w, double[] bias,
                                IntegrateAndFireNeuron neuron, boolean withSlopes, long noiseSeed) {
        final int nIn = shape.nIn();
        final int nOut = shape.nOut();
        final int steps = shape.steps();
        double[] spikes = new double[shape.batch() * nOut * steps];
        double[] g = withSlopes ? new double[spikes.length] : null;
        double[] a = withSlopes ? new double[spikes.length] : null;
        double[] current = new double[steps];
        for (int b = 0; b < shape.batch(); b++) {
            for (int j = 0; j < nOut; j++) {
                synapticCurrent(shape, input, w, bias, b, j, current);
                int off = (b * nOut + j) * steps;
                double u = 0.0;
                for (int t = 0; t < steps; t++) {
                    u = neuron.integrate(u, current[t]);
                    double s = neuron.spike(u);
                    spikes[off + t] = s;
                    if (withSlopes) {
                        double gs = neuron.spikeSlope(u, noiseSeed, off + t);
                        g[off + t] = gs;
                        a[off + t] = neuron.resetSlope(u, s, gs);
                    }
                    u = neuron.reset(u, s);
                }
            }
        }
        return new Trace(spikes, g, a);
    }

    /** current[t] = b_j + sum_i w_ji s_bi(t), for one example and one neuron. */
    private static void synapticCurrent(LayerShape shape, double[] input, double[] w, double[] bias,
                                        int b, int j, double[] current) {
        final int nIn = shape.nIn();
        final int steps = shape.steps();
        final int wRow = j * nIn;
        if (shape.spikeInput()) {
            java.util.Arrays.fill(current, bias[j]);
            for (int i = 0; i < nIn; i++) {
                double wji = w[wRow + i];
                int base = (b * nIn + i) * steps;
                for (int t = 0; t < steps; t++) {
                    current[t] += wji * input[base + t];
                }
            }
        } else {
            double c = bias[j];
            int base = b * nIn;
            for (int i = 0; i < nIn; i++) {
                c += w[wRow + i] * input[base + i];
            }
            java.util.Arrays.fill(current, c);
        }
    }

    /**
     * Back-propagation through time.
     *
     * @param lossPerSpike dL/dS, layout [b][j][t]
     */
    public static Gradients backward(LayerShape shape, Trace trace, double[] lossPerSpike, double[] input,
                                     double[] w, IntegrateAndFireNeuron neuron) {
        final int nIn = shape.nIn();
        final int nOut = shape.nOut();
        final int steps = shape.steps();
        double[] dW = new double[nOut * nIn];
        double[] dBias = new double[nOut];
        double[] dInput = new double[input.length];
        double[] dCurrent = new double[steps];
        double[] g = trace.spikeSlopes();
        double[] a = trace.resetSlopes();
        // per-(weight, step) partial sums: the weight gradient's sum over t happens once at the end, so
        // the hot loop below is an element-wise multiply-add the JIT vectorizes, not a reduction
        double[] dWPerStep = shape.spikeInput() ? new double[nOut * nIn * steps] : null;
        for (int b = 0; b < shape.batch(); b++) {
            for (int j = 0; j < nOut; j++) {
                int off = (b * nOut + j) * steps;
                double carried = 0.0;
                double total = 0.0;
                for (int t = steps - 1; t >= 0; t--) {
                    double dU = IntegrateAndFireNeuron.adjointMembrane(lossPerSpike[off + t], g[off + t],
                            a[off + t], carried);
                    dCurrent[t] = dU;
                    total += dU;
                    carried = neuron.adjointCarry(dU);
                }
                dBias[j] += total;
                int wRow = j * nIn;
                if (shape.spikeInput()) {
                    for (int i = 0; i < nIn; i++) {
                        double wji = w[wRow + i];
                        int base = (b * nIn + i) * steps;
                        int acc = (wRow + i) * steps;
                        // two loops, one store each: the JIT vectorizes them, not the fused form
                        for (int t = 0; t < steps; t++) {
                            dWPerStep[acc + t] += dCurrent[t] * input[base + t];
                        }
                        for (int t = 0; t < steps; t++) {
                            dInput[base + t] += wji * dCurrent[t];
                        }
                    }
                } else {
                    int base = b * nIn;
                    for (int i = 0; i < nIn; i++) {
                        dW[wRow + i] += total * input[base + i];
                        dInput[base + i] += w[wRow + i] * total;
                    }
                }
            }
        }
        if (dWPerStep != null) {
            for (int e = 0; e < dW.length; e++) {
                double sum = 0.0;
                for (int t = 0, o = e * steps; t < steps; t++) {
                    sum += dWPerStep[o + t];
                }
                dW[e] = sum;
            }
        }
        return new Gradients(dW, dBias, dInput);
    }
}
