package org.dl4jsnn.spark;

import java.io.Serializable;
import java.util.Objects;
import org.dl4jsnn.estimator.RfgSettings;

/**
 * One distributed training run.
 *
 * @param rfg             the RFG settings every replica uses (null: back-propagation baseline)
 * @param iterations      training steps to run (>= 1)
 * @param checkpointEvery a checkpoint every this many steps (>= 1)
 * @param checkpointDir   a directory every executor reads and writes (local disk for local[N], a shared
 *                        mount on a cluster); a retried stage resumes from the newest checkpoint in it
 * @param hook            called after every step in every replica
 */
public record SparkTrainingConfig(RfgSpec rfg, int iterations, int checkpointEvery, String checkpointDir,
                                  IterationHook hook) implements Serializable {

    public SparkTrainingConfig {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpointEvery must be >= 1, got " + checkpointEvery);
        }
        Objects.requireNonNull(checkpointDir, "checkpointDir");
        Objects.requireNonNull(hook, "hook");
    }

    public static SparkTrainingConfig rfg(RfgSettings settings, int iterations, int checkpointEvery,
                                          String checkpointDir) {
        return new SparkTrainingConfig(RfgSpec.of(Objects.requireNonNull(settings, "settings")), iterations,
                checkpointEvery, checkpointDir, IterationHook.NONE);
    }

    public static SparkTrainingConfig backprop(int iterations, int checkpointEvery, String checkpointDir) {
        return new SparkTrainingConfig(null, iterations, checkpointEvery, checkpointDir, IterationHook.NONE);
    }

    public SparkTrainingConfig withHook(IterationHook h) {
        return new SparkTrainingConfig(rfg, iterations, checkpointEvery, checkpointDir, h);
    }

    public boolean isRfg() {
        return rfg != null;
    }
}
