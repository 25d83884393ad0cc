package org.dl4jsnn.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A network as DL4J's model zip (configuration JSON, parameters, updater state): what is broadcast and checkpointed. */
final class ModelBytes {

    private ModelBytes() {
    }

    static byte[] of(ComputationGraph net) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ModelSerializer.writeModel(net, out, true);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize the network", e);
        }
    }

    static ComputationGraph restore(byte[] zip) {
        try {
            return ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(zip), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore the network", e);
        }
    }

    /** A hash of the exact bits of parameters and updater state: equal for identical replicas. */
    static long checksum(ComputationGraph net) {
        long h = hash(1, net.params());
        INDArray state = net.getUpdater() == null ? null : net.getUpdater().getStateViewArray();
        return state == null ? h : hash(h, state);
    }

    private static long hash(long seed, INDArray a) {
        double[] v = a.castTo(DataType.DOUBLE).toDoubleVector();
        long h = seed;
        for (double x : v) {
            h = 31 * h + Double.doubleToLongBits(x);
        }
        return h;
    }
}
