package org.dl4jsnn.emulator;

import org.dl4jsnn.export.LoihiNetwork;
import org.dl4jsnn.export.QuantizedLayer;
import org.dl4jsnn.layer.LayerShape;
import org.dl4jsnn.layer.SpikingDenseKernel;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.surrogate.Surrogate;

/**
 * The model's own floating-point spiking layer ({@link SpikingDenseKernel} with
 * {@link IntegrateAndFireNeuron}) run on the quantized parameters (mantissa / k) under Loihi's timing:
 * the encoded current for steps 1..T, one step of delay per dense connection, T + layers steps. It shares
 * no code with the integer emulator, so agreement spike for spike is evidence that the export and the
 * emulator are exact. Power-of-two scales make every value here exact in binary floating point.
 */
public final class PipelinedReference {

    /** Spike trains per spiking layer [neuron * steps + t] and the readout. */
    public record Run(double[] output, byte[][] spikeTrains) {
    }

    private final LoihiNetwork net;

    public PipelinedReference(LoihiNetwork net) {
        this.net = net;
    }

    public Run run(double[] x) {
        int steps = net.runSteps();
        int[] clipped = new int[1];
        int[] mant = net.encoder().biasMantissas(x, clipped);
        int n1 = net.encoder().nOut();
        // layer 1: identity weights onto the encoded current, present for the first T steps only
        double[] current = new double[n1 * steps];
        double[] identity = new double[n1 * n1];
        for (int j = 0; j < n1; j++) {
            identity[j * n1 + j] = 1.0;
            for (int t = 0; t < net.timeSteps(); t++) {
                current[j * steps + t] = mant[j] / net.encoder().scale();
            }
        }
        double theta1 = net.encoder().neuron().vThMant() / net.encoder().scale();
        double[] spikes = neuronMajor(SpikingDenseKernel.forward(new LayerShape(1, n1, n1, steps, true),
                stepMajor(current, n1, steps), identity, new double[n1], neuron(theta1), false, 0).spikes(), n1, steps);
        byte[][] trains = new byte[net.spikingLayerCount()][];
        trains[0] = bytes(spikes);
        for (int l = 0; l < net.layers().size(); l++) {
            QuantizedLayer q = net.layers().get(l);
            double[] delayed = delay(spikes, q.nIn(), steps);
            double theta = q.neuron().vThMant() / q.scale();
            spikes = neuronMajor(SpikingDenseKernel.forward(new LayerShape(1, q.nIn(), q.nOut(), steps, true),
                    stepMajor(delayed, q.nIn(), steps), floats(q.weight(), q.scale()), floats(q.bias(), q.scale()),
                    neuron(theta), false, 0).spikes(), q.nOut(), steps);
            trains[l + 1] = bytes(spikes);
        }
        QuantizedLayer r = net.readout();
        double[] y = new double[r.nOut()];
        for (int j = 0; j < y.length; j++) {
            double sum = 0;
            for (int i = 0; i < r.nIn(); i++) {
                // the readout at step t sees step t - 1: it counts steps 1..N-1 of the last layer
                double count = 0;
                for (int t = 0; t < steps - 1; t++) {
                    count += spikes[i * steps + t];
                }
                sum += r.weight()[j][i] / r.scale() * count;
            }
            y[j] = sum / net.timeSteps() + net.readoutOffset()[j];
        }
        return new Run(y, trains);
    }

    private IntegrateAndFireNeuron neuron(double theta) {
        return new IntegrateAndFireNeuron(theta, 1.0, net.modelReset(), false, Surrogate.gaussian(0.5), false);
    }

    /** [n][t] (this class's layout, one train per neuron) to the kernel's [t][n] at batch 1. */
    private static double[] stepMajor(double[] trains, int n, int steps) {
        double[] out = new double[trains.length];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < steps; t++) {
                out[t * n + i] = trains[i * steps + t];
            }
        }
        return out;
    }

    /** The kernel's [t][n] at batch 1 back to [n][t]. */
    private static double[] neuronMajor(double[] kernel, int n, int steps) {
        double[] out = new double[kernel.length];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < steps; t++) {
                out[i * steps + t] = kernel[t * n + i];
            }
        }
        return out;
    }

    private static double[] delay(double[] spikes, int n, int steps) {
        double[] out = new double[spikes.length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(spikes, i * steps, out, i * steps + 1, steps - 1);
        }
        return out;
    }

    private static double[] floats(int[][] w, double k) {
        double[] out = new double[w.length * w[0].length];
        for (int j = 0; j < w.length; j++) {
            for (int i = 0; i < w[j].length; i++) {
                out[j * w[j].length + i] = w[j][i] / k;
            }
        }
        return out;
    }

    private static double[] floats(int[] b, double k) {
        double[] out = new double[b.length];
        for (int j = 0; j < b.length; j++) {
            out[j] = b[j] / k;
        }
        return out;
    }

    private static byte[] bytes(double[] spikes) {
        byte[] b = new byte[spikes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) spikes[i];
        }
        return b;
    }
}
