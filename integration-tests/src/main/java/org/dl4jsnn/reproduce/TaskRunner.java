package org.dl4jsnn.reproduce;

import java.util.List;
import java.util.Map;

/** Trains the methods of one benchmark task (SPEC section 5). */
public interface TaskRunner {

    /** Command-line name, lower-case with dashes, e.g. "mexican-hat". */
    String task();

    /** One or two sentences for the report and --help. */
    String description();

    /** The paper's set of methods for this task, used when --methods is not given. */
    List<MethodSpec> defaultMethods();

    /** The paper's test relative L2 errors, keyed by {@link MethodSpec#label()} (K = 1). */
    Map<String, Double> paperErrors();

    RunSettings defaults(Preset preset);

    /**
     * Trains one method with one seed. Saves checkpoints under {@code runKey} every few minutes and,
     * when {@code checkpoints.load(runKey)} is present at the start, resumes from it so that the
     * result equals an uninterrupted run's. The returned run's method is {@code method.label()} and
     * its seed is {@code seed}.
     */
    MethodRun run(RunSettings settings, MethodSpec method, long seed, TrainingMonitor monitor,
                  CheckpointStore checkpoints, String runKey);
}
