package org.dl4jsnn.export;

import static org.dl4jsnn.export.NetxLayout.*;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dl4jsnn.neuron.ResetMode;

/**
 * Reads a netx file written by {@link NetxWriter} back into a {@link LoihiNetwork}, checking the layout
 * field by field: a missing or malformed field fails with a {@link NetxFormatException} naming the layer
 * and the field.
 */
public final class NetxReader {

    private NetxReader() {
    }

    public static LoihiNetwork read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NetxFormatException("netx file " + file + " does not exist or is not a file");
        }
        HdfFile f;
        try {
            f = new HdfFile(file);
        } catch (RuntimeException e) {
            throw new NetxFormatException("cannot read " + file + " as HDF5 (damaged or truncated?): "
                    + e.getMessage(), e);
        }
        try (f) {
            return read(f, file);
        } catch (NetxFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new NetxFormatException("cannot read " + file + " as a netx file (damaged or truncated?): " + e, e);
        }
    }

    private static LoihiNetwork read(HdfFile f, Path file) {
        Hdf5Fields root = fields(f, file.getFileName().toString());
        Group layerGroup = root.group(LAYER);
        Map<String, ?> children = layerGroup.getChildren();
        int n = children.size();
        for (int i = 0; i < n; i++) {
            if (!children.containsKey(Integer.toString(i))) {
                throw new NetxFormatException("/layer must hold groups \"0\"..\"" + (n - 1) + "\" (netx looks each up"
                        + " by index), found " + children.keySet());
            }
        }
        if (n < NetxWriter.FIRST_DENSE + 1) {
            throw new NetxFormatException("/layer holds " + n + " layers; expected input, flatten and a readout");
        }
        Hdf5Fields host = fields(root.group(HOST), "/" + HOST);
        String format = host.string(FORMAT);
        if (!FORMAT_VALUE.equals(format)) {
            throw host.fail(FORMAT, "is '" + format + "', expected '" + FORMAT_VALUE + "'");
        }
        String[] names = host.strings(LAYER_NAMES);
        int stages = n - 1; // the flatten layer has no name or scale of its own
        double[] scales = host.vector(SCALES, stages);
        if (names.length != stages) {
            throw host.fail(LAYER_NAMES, "has " + names.length + " entries for " + stages + " input and dense layers");
        }
        int timeSteps = (int) host.integer(TIME_STEPS);
        ResetMode reset;
        try {
            reset = ResetMode.valueOf(host.string(MODEL_RESET));
        } catch (IllegalArgumentException e) {
            throw host.fail(MODEL_RESET, "is not one of SUBTRACT, ZERO");
        }

        Hdf5Fields in = layerFields(layerGroup, 0);
        requireType(in, INPUT);
        long[] shape = longs(in, SHAPE);
        if (shape.length != 3 || shape[1] != 1 || shape[2] != 1) {
            throw in.fail(SHAPE, "is " + Arrays.toString(shape) + ", expected [neurons, 1, 1]");
        }
        double[][] encW = host.matrix(ENCODER_WEIGHT);
        if (encW.length != shape[0]) {
            throw host.fail(ENCODER_WEIGHT, "has " + encW.length + " rows for " + shape[0] + " input-layer neurons");
        }
        double[] encB = host.vector(ENCODER_BIAS, encW.length);
        InputEncoder encoder;
        try {
            encoder = new InputEncoder(new DenseParams(names[0], encW, encB), scales[0], neuron(in));
        } catch (IllegalArgumentException e) {
            throw new NetxFormatException("layer 0: " + e.getMessage(), e);
        }
        Hdf5Fields flatten = layerFields(layerGroup, 1);
        requireType(flatten, FLATTEN);
        List<QuantizedLayer> layers = new ArrayList<>();
        for (int i = NetxWriter.FIRST_DENSE; i < n; i++) {
            boolean readout = i == n - 1;
            layers.add(dense(layerFields(layerGroup, i), names[i - 1], scales[i - 1], !readout));
        }
        QuantizedLayer readout = layers.remove(layers.size() - 1);
        double[] offset = host.vector(READOUT_OFFSET, readout.nOut());
        try {
            return new LoihiNetwork(encoder, layers, readout, offset, timeSteps, reset);
        } catch (IllegalArgumentException e) {
            throw new NetxFormatException(file + ": " + e.getMessage(), e);
        }
    }

    private static Hdf5Fields fields(Group g, String where) {
        return new Hdf5Fields(g, where, NetxFormatException::new);
    }

    private static Hdf5Fields layerFields(Group layers, int i) {
        return fields((Group) layers.getChild(Integer.toString(i)), "layer " + i);
    }

    private static void requireType(Hdf5Fields layer, String expected) {
        String type = layer.string(TYPE);
        if (!expected.equals(type)) {
            throw layer.fail(TYPE, "is '" + type + "', expected '" + expected + "'");
        }
    }

    private static long[] longs(Hdf5Fields layer, String field) {
        double[] v = layer.vector(field, -1);
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (long) v[i];
        }
        return out;
    }

    private static CubaParams neuron(Hdf5Fields layer) {
        Hdf5Fields n = layer.child(NEURON);
        String type = n.string(TYPE);
        if (!CUBA.equals(type)) {
            throw n.fail(TYPE, "is '" + type + "'; the emulator runs CUBA neurons only");
        }
        long iDecay = n.integer(I_DECAY);
        long vDecay = n.integer(V_DECAY);
        long vth = n.integer(V_TH_MANT);
        try {
            return new CubaParams((int) iDecay, (int) vDecay, (int) vth);
        } catch (IllegalArgumentException e) {
            throw n.fail(e.getMessage().split(" ")[0], e.getMessage());
        }
    }

    private static QuantizedLayer dense(Hdf5Fields layer, String name, double scale, boolean withBias) {
        requireType(layer, DENSE);
        double[][] w = layer.matrix(WEIGHT);
        long[] shape = longs(layer, SHAPE);
        if (shape.length != 1 || shape[0] != w.length) {
            throw layer.fail(SHAPE, "is " + Arrays.toString(shape) + " but weight has " + w.length
                    + " rows");
        }
        int[][] wi = new int[w.length][];
        for (int j = 0; j < w.length; j++) {
            wi[j] = new int[w[j].length];
            for (int i = 0; i < w[j].length; i++) {
                wi[j][i] = integral(layer, WEIGHT, w[j][i]);
            }
        }
        int[] b = new int[w.length];
        if (layer.has(BIAS)) {
            double[] bf = layer.vector(BIAS, w.length);
            for (int j = 0; j < b.length; j++) {
                b[j] = integral(layer, BIAS, bf[j]);
            }
        } else if (withBias) {
            throw layer.fail(BIAS, "is missing");
        }
        CubaParams neuron = neuron(layer);
        try {
            return new QuantizedLayer(name, wi, b, neuron, scale);
        } catch (IllegalArgumentException e) {
            throw layer.fail(WEIGHT + "/" + BIAS, e.getMessage());
        }
    }

    private static int integral(Hdf5Fields layer, String field, double v) {
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw layer.fail(field, "holds " + v + "; Loihi mantissas are integers");
        }
        return (int) v;
    }
}
