package org.dl4jsnn.reproduce.tasks;

import java.util.Locale;
import java.util.Map;
import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.RunSettings;

/**
 * What a checkpoint belongs to: the task, method, seed, split and every setting that shapes the
 * training trajectory (iterations fix the learning-rate schedule). A checkpoint is resumed only by
 * the run with the same identity, so a renamed file or changed settings cannot continue another run.
 * How often the error is measured does not shape the trajectory and is left out.
 */
record RunIdentity(String text) {

    static RunIdentity of(String task, MethodSpec method, long seed, EvaluationSplit split, RunSettings settings) {
        StringBuilder sb = new StringBuilder();
        sb.append("task=").append(task)
                .append(", method=").append(method.label())
                .append(", seed=").append(seed)
                .append(", split=").append(split.name().toLowerCase(Locale.ROOT))
                .append(", iterations=").append(settings.iterations())
                .append(", batch=").append(settings.batch())
                .append(", lr=").append(settings.lr());
        for (Map.Entry<String, String> e : settings.extra().entrySet()) {
            sb.append(", ").append(e.getKey()).append('=').append(e.getValue());
        }
        return new RunIdentity(sb.toString());
    }

    @Override
    public String toString() {
        return text;
    }
}
