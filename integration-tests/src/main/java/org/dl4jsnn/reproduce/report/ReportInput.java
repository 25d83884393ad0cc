package org.dl4jsnn.reproduce.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dl4jsnn.reproduce.LrSelectionSummary;
import org.dl4jsnn.reproduce.MethodRun;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.Preset;
import org.dl4jsnn.reproduce.RunSettings;

/**
 * Everything a report is made of.
 *
 * @param runs one per (method, seed), in method order then seed order
 * @param paperErrors the task's paper numbers, keyed by method label
 * @param commandLine how the report was produced, shown so it can be rerun
 * @param lrSelection how the learning rates were chosen; null when they were given
 */
public record ReportInput(String task, String description, Preset preset, RunSettings settings,
                          List<MethodSpec> methods, List<Long> seeds, List<MethodRun> runs,
                          Map<String, Double> paperErrors, String commandLine, LrSelectionSummary lrSelection) {

    public ReportInput {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(settings, "settings");
        methods = List.copyOf(methods);
        seeds = List.copyOf(seeds);
        runs = List.copyOf(runs);
        paperErrors = Map.copyOf(paperErrors);
        Objects.requireNonNull(commandLine, "commandLine");
    }

    /** The run shown in the per-method figures: the first seed's. */
    public MethodRun figureRun(MethodSpec method) {
        return runs.stream().filter(r -> r.method().equals(method.label())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no run of " + method.label()));
    }

    public List<MethodRun> runsOf(MethodSpec method) {
        return runs.stream().filter(r -> r.method().equals(method.label())).toList();
    }
}
