package org.dl4jsnn.export;

import static org.dl4jsnn.export.NetxLayout.*;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link LoihiNetwork} as a Lava netx HDF5 file ({@code .net}) laid out as
 * {@code lava.lib.dl.netx.hdf5.Network} reads it (docs/export.md, "netx HDF5"): layer "0" is an
 * {@code input} layer whose neurons take the encoded input through their bias, a {@code flatten} layer
 * (netx's way from a C,H,W input to a dense layer), then one {@code dense}
 * layer per spiking layer, and the readout as a last dense layer that never spikes (its value is read
 * from v). Weights are float32 holding even integers; every scalar is int64; type is a 1-element string
 * array.
 */
public final class NetxWriter {

    /** Index of the first dense layer: after the input layer "0" and the flatten layer "1". */
    static final int FIRST_DENSE = 2;

    private NetxWriter() {
    }

    public static void write(LoihiNetwork net, Path file) {
        List<QuantizedLayer> layers = net.layers();
        String[] names = new String[net.spikingLayerCount() + 1];
        double[] scales = new double[names.length];
        try (WritableHdfFile f = HdfFile.write(file)) {
            WritableGroup root = f.putGroup(LAYER);
            WritableGroup input = root.putGroup("0");
            input.putDataset(TYPE, new String[] {INPUT});
            input.putDataset(SHAPE, new long[] {net.encoder().nOut(), 1, 1});
            neuron(input, net.encoder().neuron());
            names[0] = net.encoder().current().name();
            scales[0] = net.encoder().scale();
            // netx connects a C,H,W input to a dense layer only through a flatten layer
            WritableGroup flatten = root.putGroup("1");
            flatten.putDataset(TYPE, new String[] {FLATTEN});
            flatten.putDataset(SHAPE, new long[] {net.encoder().nOut()});
            for (int l = 0; l < layers.size(); l++) {
                dense(root.putGroup(Integer.toString(l + FIRST_DENSE)), layers.get(l), true);
                names[l + 1] = layers.get(l).name();
                scales[l + 1] = layers.get(l).scale();
            }
            dense(root.putGroup(Integer.toString(layers.size() + FIRST_DENSE)), net.readout(), false);
            names[names.length - 1] = net.readout().name();
            scales[scales.length - 1] = net.readout().scale();

            WritableGroup sim = f.putGroup(SIMULATION);
            sim.putDataset(TS, 1L);
            sim.putDataset(T_SAMPLE, (long) net.runSteps());

            WritableGroup host = f.putGroup(HOST);
            host.putDataset(FORMAT, FORMAT_VALUE);
            host.putDataset(TIME_STEPS, (long) net.timeSteps());
            host.putDataset(MODEL_RESET, net.modelReset().name());
            host.putDataset(LAYER_NAMES, names);
            host.putDataset(SCALES, scales);
            host.putDataset(ENCODER_WEIGHT, net.encoder().current().weight());
            host.putDataset(ENCODER_BIAS, net.encoder().current().bias());
            host.putDataset(READOUT_OFFSET, net.readoutOffset());
        }
    }

    private static void dense(WritableGroup g, QuantizedLayer q, boolean withBias) {
        g.putDataset(TYPE, new String[] {DENSE});
        g.putDataset(SHAPE, new long[] {q.nOut()});
        g.putDataset(IN_FEATURES, (long) q.nIn());
        g.putDataset(OUT_FEATURES, (long) q.nOut());
        float[][] w = new float[q.nOut()][q.nIn()];
        for (int j = 0; j < w.length; j++) {
            for (int i = 0; i < w[j].length; i++) {
                w[j][i] = q.weight()[j][i];
            }
        }
        g.putDataset(WEIGHT, w);
        if (withBias) {
            float[] b = new float[q.nOut()];
            for (int j = 0; j < b.length; j++) {
                b[j] = q.bias()[j];
            }
            g.putDataset(BIAS, b);
        }
        neuron(g, q.neuron());
    }

    private static void neuron(WritableGroup layer, CubaParams p) {
        WritableGroup n = layer.putGroup(NEURON);
        n.putDataset(TYPE, CUBA);
        n.putDataset(I_DECAY, (long) p.iDecay());
        n.putDataset(V_DECAY, (long) p.vDecay());
        n.putDataset(V_TH_MANT, (long) p.vThMant());
        n.putDataset(REF_DELAY, 1L);
        n.putDataset(GRADED_SPIKE, false);
    }
}
