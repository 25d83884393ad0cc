package org.dl4jsnn.emulator;

import java.util.List;
import org.dl4jsnn.export.LoihiLimits;
import org.dl4jsnn.export.LoihiNetwork;
import org.dl4jsnn.export.QuantizedLayer;

/**
 * Runs a {@link LoihiNetwork} (as read from a netx file) bit for bit as Lava's fixed-point model would
 * (docs/export.md): the host writes round(k c) into the first layer's bias for steps 1..T and zero
 * afterwards; every dense connection is a one-step pipeline; the run lasts T + (spiking layers) steps so
 * the readout sees the last layer's T-th step; the readout's voltage is turned into the model's scale.
 */
public final class LoihiEmulator {

    private final LoihiNetwork net;

    public LoihiEmulator(LoihiNetwork net) {
        this.net = net;
    }

    public LoihiNetwork network() {
        return net;
    }

    public Emulation run(double[] x) {
        return run(x, false);
    }

    /** @param recordSpikes keep every spiking layer's spike train (for spike-by-spike comparisons) */
    public Emulation run(double[] x, boolean recordSpikes) {
        if (x.length != net.inputSize()) {
            throw new IllegalArgumentException("input has " + x.length + " values, the network takes "
                    + net.inputSize());
        }
        int[] clipped = new int[1];
        int[] encoderBias = net.encoder().biasMantissas(x, clipped);
        List<QuantizedLayer> layers = net.layers();
        int spiking = net.spikingLayerCount();
        int steps = net.runSteps();

        FixedPointCuba.Group[] groups = new FixedPointCuba.Group[spiking + 1];
        DenseSynapses[] synapses = new DenseSynapses[spiking + 1];
        byte[][] spikes = new byte[spiking + 1][];
        groups[0] = new FixedPointCuba.Group(net.encoder().neuron(), net.encoder().nOut());
        spikes[0] = new byte[net.encoder().nOut()];
        for (int l = 1; l <= spiking; l++) {
            QuantizedLayer q = l < spiking ? layers.get(l - 1) : net.readout();
            groups[l] = new FixedPointCuba.Group(q.neuron(), q.nOut());
            synapses[l] = new DenseSynapses(q.weight());
            spikes[l] = new byte[q.nOut()];
        }
        long[] counts = new long[spiking];
        byte[][] trains = recordSpikes ? new byte[spiking][] : null;
        if (recordSpikes) {
            trains[0] = new byte[net.encoder().nOut() * steps];
            for (int l = 1; l < spiking; l++) {
                trains[l] = new byte[layers.get(l - 1).nOut() * steps];
            }
        }
        long overflows = 0;
        for (int t = 0; t < steps; t++) {
            groups[0].step(null, t < net.timeSteps() ? encoderBias : null, spikes[0]);
            for (int l = 1; l <= spiking; l++) {
                long[] in = synapses[l].step(spikes[l - 1]);
                for (long a : in) {
                    if (Math.abs(a) > LoihiLimits.SYNAPTIC_INPUT_MAX) {
                        overflows++;
                    }
                }
                int[] bias = l < spiking ? layers.get(l - 1).bias() : null;
                groups[l].step(in, bias, spikes[l]);
            }
            for (int l = 0; l < spiking; l++) {
                for (int j = 0; j < spikes[l].length; j++) {
                    if (spikes[l][j] != 0) {
                        counts[l]++;
                        if (recordSpikes) {
                            trains[l][j * steps + t] = 1;
                        }
                    }
                }
            }
        }
        FixedPointCuba.Group readout = groups[spiking];
        long[] v = new long[readout.size()];
        double[] y = new double[readout.size()];
        double unit = (1 << LoihiLimits.ACTIVATION_SHIFT) * net.readout().scale() * net.timeSteps();
        for (int j = 0; j < v.length; j++) {
            v[j] = readout.voltage(j);
            y[j] = v[j] / unit + net.readoutOffset()[j];
        }
        long saturations = 0;
        for (FixedPointCuba.Group g : groups) {
            saturations += g.saturations();
        }
        return new Emulation(y, v, counts, trains, saturations, clipped[0], overflows);
    }
}
