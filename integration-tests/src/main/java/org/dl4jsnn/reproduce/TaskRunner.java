package org.dl4jsnn.reproduce;

import java.util.List;
import java.util.Map;
import org.dl4jsnn.parallel.BatchThreads;

/** Trains the methods of one benchmark task (docs/design.md section 5). */
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
     * How {@code --preset paper} chooses the learning rate when neither --lr nor --select-lr is given:
     * by default three rates a half-decade apart, each trial a quarter of the run.
     */
    default LearningRateSearch paperLrSearch(RunSettings paperSettings) {
        return new LearningRateSearch(List.of(1e-3, 3e-3, 1e-2),
                Math.max(1, paperSettings.iterations() / 4));
    }

    /** Which training rows form the validation fold, for the report, e.g. "the last 1,000 of 10,000 points". */
    String validationFold();

    /**
     * How many rows a minibatch is drawn from when training on {@code split} (points for the Mexican hat,
     * (function, point) pairs for the DeepONet, functions for the SepONet): a larger --batch is refused.
     * Known without generating data.
     */
    default int trainingRows(EvaluationSplit split) {
        return Integer.MAX_VALUE;
    }

    /**
     * Whether the task's networks can carry local heads (methods with -LL, and RFG-LG, which is guided by
     * them); a task without them refuses those methods when the plan is built.
     */
    default boolean supportsLocalLosses() {
        return true;
    }

    /** The heap one training iteration of {@code method} needs beyond the model's own; 0 when negligible. */
    default long iterationHeapBytes(MethodSpec method, RunSettings settings) {
        return 0;
    }

    /**
     * Trains one method with one seed. Saves checkpoints under {@code runKey} every few minutes and,
     * when {@code checkpoints.load(runKey)} is present at the start, resumes from it so that the
     * result equals an uninterrupted run's. The returned run's method is {@code method.label()} and
     * its seed is {@code seed}. With {@link EvaluationSplit#VALIDATION} the run trains without the
     * validation fold and its errors (curve and result) are measured on that fold; it has no artifacts.
     */
    MethodRun run(RunSettings settings, MethodSpec method, long seed, EvaluationSplit split, TrainingMonitor monitor,
                  CheckpointStore checkpoints, String runKey);

    /**
     * {@link #run} with each minibatch split over {@code threads}: a runtime choice, not a setting of the
     * run (results are the same bit for bit for any count, so it is neither recorded nor part of a
     * checkpoint's identity). A runner without threads ignores it.
     */
    default MethodRun run(RunSettings settings, MethodSpec method, long seed, EvaluationSplit split,
                          TrainingMonitor monitor, CheckpointStore checkpoints, String runKey,
                          BatchThreads threads) {
        return run(settings, method, seed, split, monitor, checkpoints, runKey);
    }
}
