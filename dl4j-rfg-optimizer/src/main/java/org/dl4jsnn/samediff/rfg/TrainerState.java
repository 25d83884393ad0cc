package org.dl4jsnn.samediff.rfg;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Everything a {@link SameDiffRfgTrainer} needs to continue exactly where it stopped: the counters, the
 * parameters and the updater's state. The directions and WSG noise of an iteration are functions of the
 * seeds and the iteration, so they need no saving. Arrays are copies owned by this object.
 */
public record TrainerState(long iteration, int epoch, Map<String, INDArray> parameters,
                           Map<String, INDArray> updaterState) {

    private static final int FORMAT = 1;

    public TrainerState {
        parameters = copy(parameters);
        updaterState = copy(updaterState);
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> arrays) {
        Map<String, INDArray> c = new LinkedHashMap<>();
        arrays.forEach((k, v) -> c.put(k, v.dup()));
        return Collections.unmodifiableMap(c);
    }

    public void write(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(FORMAT);
        d.writeLong(iteration);
        d.writeInt(epoch);
        writeArrays(d, parameters);
        writeArrays(d, updaterState);
        d.flush();
    }

    public static TrainerState read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int format = d.readInt();
        if (format != FORMAT) {
            throw new IOException("not a SameDiff RFG trainer state of format " + FORMAT + " (got " + format + ")");
        }
        long iteration = d.readLong();
        int epoch = d.readInt();
        return new TrainerState(iteration, epoch, readArrays(d), readArrays(d));
    }

    private static void writeArrays(DataOutputStream d, Map<String, INDArray> arrays) throws IOException {
        d.writeInt(arrays.size());
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            d.writeUTF(e.getKey());
            Nd4j.write(e.getValue(), d);
        }
    }

    private static Map<String, INDArray> readArrays(DataInputStream d) throws IOException {
        int n = d.readInt();
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            arrays.put(d.readUTF(), Nd4j.read(d));
        }
        return arrays;
    }
}
