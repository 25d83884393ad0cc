package org.dl4jsnn.reproduce.tasks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jsnn.reproduce.CorruptCheckpointException;
import org.dl4jsnn.reproduce.TrainingPoint;

/**
 * A training run's state: the model with its updater state (ModelSerializer), how many iterations are
 * done, the wall time spent, and the curve so far. The iteration count fixes everything else (data
 * order, RFG directions, WSG noise), so a resumed run ends where an uninterrupted one would.
 */
record Checkpoint(int iterations, double wallSeconds, List<TrainingPoint> curve, byte[] model) {

    private static final int MAGIC = 0x534E4E43; // "SNNC"

    static Checkpoint of(ComputationGraph net, int iterations, double wallSeconds, List<TrainingPoint> curve) {
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(net, model, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Checkpoint(iterations, wallSeconds, List.copyOf(curve), model.toByteArray());
    }

    ComputationGraph restoreModel() {
        try {
            return ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(model), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(iterations);
            out.writeDouble(wallSeconds);
            out.writeInt(curve.size());
            for (TrainingPoint p : curve) {
                out.writeInt(p.iteration());
                out.writeDouble(p.loss());
                out.writeDouble(p.testError());
            }
            out.writeInt(model.length);
            out.write(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static java.nio.file.Path where(String runKey) {
        return java.nio.file.Path.of("checkpoints", runKey);
    }

    static Checkpoint decode(String runKey, byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readInt() != MAGIC) {
                throw new CorruptCheckpointException(where(runKey), "not a dl4j-snn training state");
            }
            int iterations = in.readInt();
            double wall = in.readDouble();
            int n = in.readInt();
            if (iterations < 0 || n < 0 || n > iterations + 1) {
                throw new CorruptCheckpointException(where(runKey), "impossible header");
            }
            List<TrainingPoint> curve = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                curve.add(new TrainingPoint(in.readInt(), in.readDouble(), in.readDouble()));
            }
            byte[] model = new byte[in.readInt()];
            in.readFully(model);
            return new Checkpoint(iterations, wall, curve, model);
        } catch (IOException e) {
            throw new CorruptCheckpointException(where(runKey), "truncated: " + e.getMessage());
        }
    }
}
