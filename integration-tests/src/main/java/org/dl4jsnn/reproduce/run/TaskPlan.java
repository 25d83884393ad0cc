package org.dl4jsnn.reproduce.run;

import java.util.List;
import java.util.Objects;
import org.dl4jsnn.reproduce.LearningRateSearch;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.Preset;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.TaskRunner;
import org.dl4jsnn.reproduce.store.OutputFolder;

/**
 * A validated reproduction of one task: every check has passed, nothing is written yet.
 *
 * @param force discard an earlier reproduction's state in {@code out} first
 * @param resume reuse finished runs and checkpoints found in {@code out}
 * @param lrSearch how each method's learning rate is chosen; null: every method uses {@code settings.lr()}
 * @param checkpointEvery how often a training run saves its state (it also saves when the JVM is stopped)
 */
public record TaskPlan(TaskRunner runner, List<MethodSpec> methods, List<Long> seeds, Preset preset,
                       RunSettings settings, LearningRateSearch lrSearch, OutputFolder out, boolean resume,
                       boolean force, String commandLine, java.time.Duration checkpointEvery) {

    public TaskPlan {
        Objects.requireNonNull(runner, "runner");
        methods = List.copyOf(methods);
        seeds = List.copyOf(seeds);
        if (methods.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one method and one seed are needed");
        }
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(out, "out");
        if (resume && force) {
            throw new IllegalArgumentException("resume and force exclude each other");
        }
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(checkpointEvery, "checkpointEvery");
    }

    public String task() {
        return runner.task();
    }
}
