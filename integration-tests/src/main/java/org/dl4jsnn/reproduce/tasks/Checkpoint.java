package org.dl4jsnn.reproduce.tasks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jsnn.averaging.ParameterAverage;
import org.dl4jsnn.reproduce.CheckpointMismatchException;
import org.dl4jsnn.reproduce.CorruptCheckpointException;
import org.dl4jsnn.reproduce.DivergenceRule;
import org.dl4jsnn.reproduce.TrainingPoint;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A training run's state: whose run it is ({@link RunIdentity}), the model with its updater state
 * (ModelSerializer), how many iterations are done, the wall time spent, the curve so far, the
 * divergence rule's state and the parameter average's state (none: 0 steps, null values). The iteration
 * count fixes everything else (data order, RFG directions, WSG noise), so a resumed run ends where an
 * uninterrupted one would.
 */
record Checkpoint(RunIdentity identity, int iterations, double wallSeconds, List<TrainingPoint> curve,
                  double initialLoss, int aboveSince, byte[] model, long averageSteps, double[] average) {

    /** "SNN3": the third layout, the first to carry a parameter average. */
    private static final int MAGIC = 0x534E4E33;
    /** "SNN2": the second layout, the first to carry the run's identity; read as a run without an average. */
    private static final int MAGIC_WITHOUT_AVERAGE = 0x534E4E32;
    /** "SNNC": the first layout, without identity; refused, as nothing says whose run it is. */
    private static final int MAGIC_WITHOUT_IDENTITY = 0x534E4E43;

    static Checkpoint of(RunIdentity identity, ComputationGraph net, int iterations, double wallSeconds,
                         List<TrainingPoint> curve, DivergenceRule rule, Optional<ParameterAverage> average) {
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(net, model, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long steps = average.map(ParameterAverage::steps).orElse(0L);
        double[] values = steps == 0 ? null : average.get().state().toDoubleVector();
        return new Checkpoint(identity, iterations, wallSeconds, List.copyOf(curve), rule.initialLoss(),
                rule.aboveSince(), model.toByteArray(), steps, values);
    }

    /** The run's average as it was saved: empty when it has none; started afresh when none was taken yet. */
    Optional<ParameterAverage> restoreAverage(Optional<ParameterAverage> fresh) {
        return averageSteps == 0 ? fresh : fresh.map(f -> ParameterAverage.restored(f.decay(), averageSteps,
                Nd4j.createFromArray(average)));
    }

    ComputationGraph restoreModel() {
        try {
            return ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(model), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DivergenceRule divergenceRule() {
        return new DivergenceRule(initialLoss, aboveSince);
    }

    /** @throws CheckpointMismatchException naming both runs when this is not {@code expected}'s checkpoint */
    Checkpoint requireIdentity(String runKey, RunIdentity expected) {
        if (!identity.equals(expected)) {
            throw new CheckpointMismatchException(where(runKey), identity.text(), expected.text());
        }
        return this;
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeUTF(identity.text());
            out.writeInt(iterations);
            out.writeDouble(wallSeconds);
            out.writeDouble(initialLoss);
            out.writeInt(aboveSince);
            out.writeInt(curve.size());
            for (TrainingPoint p : curve) {
                out.writeInt(p.iteration());
                out.writeDouble(p.loss());
                out.writeDouble(p.testError());
            }
            out.writeInt(model.length);
            out.write(model);
            out.writeLong(averageSteps);
            if (averageSteps > 0) {
                out.writeInt(average.length);
                for (double v : average) {
                    out.writeDouble(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Path where(String runKey) {
        return Path.of("checkpoints", runKey);
    }

    static Checkpoint decode(String runKey, byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int magic = in.readInt();
            if (magic == MAGIC_WITHOUT_IDENTITY) {
                throw new CorruptCheckpointException(where(runKey), "written by an older dl4j-snn that did not record"
                        + " whose run it is, so it cannot be resumed safely");
            }
            if (magic != MAGIC && magic != MAGIC_WITHOUT_AVERAGE) {
                throw new CorruptCheckpointException(where(runKey), "not a dl4j-snn training state");
            }
            RunIdentity identity = new RunIdentity(in.readUTF());
            int iterations = in.readInt();
            double wall = in.readDouble();
            double initialLoss = in.readDouble();
            int aboveSince = in.readInt();
            int n = in.readInt();
            if (iterations < 0 || n < 0 || n > iterations + 1 || aboveSince < 0 || aboveSince > iterations) {
                throw new CorruptCheckpointException(where(runKey), "impossible header");
            }
            List<TrainingPoint> curve = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                curve.add(new TrainingPoint(in.readInt(), in.readDouble(), in.readDouble()));
            }
            byte[] model = new byte[in.readInt()];
            in.readFully(model);
            long averageSteps = magic == MAGIC ? in.readLong() : 0;
            if (averageSteps < 0 || averageSteps > iterations) {
                throw new CorruptCheckpointException(where(runKey), "impossible parameter-average header");
            }
            double[] average = null;
            if (averageSteps > 0) {
                average = new double[in.readInt()];
                for (int i = 0; i < average.length; i++) {
                    average[i] = in.readDouble();
                }
            }
            return new Checkpoint(identity, iterations, wall, curve, initialLoss, aboveSince, model, averageSteps,
                    average);
        } catch (IOException e) {
            throw new CorruptCheckpointException(where(runKey), "truncated: " + e.getMessage());
        }
    }
}
