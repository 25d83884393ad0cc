package org.dl4jsnn.reproduce.cli;

import java.nio.file.Path;
import java.util.List;
import org.dl4jsnn.reproduce.Preset;

/**
 * What the user asked {@code reproduce} for, before validation. Null means "not given".
 */
record ReproduceOptions(String task, List<String> methods, Integer directions, List<Long> seeds, Preset preset,
                        Integer iterations, Integer batch, Double lr, Integer evalEvery, List<Double> selectLr,
                        Integer selectIterations, Path out, boolean resume, boolean force,
                        java.time.Duration checkpointEvery, ChoiceOptions choices) {

    /** Without training-convention options (each task's defaults). */
    ReproduceOptions(String task, List<String> methods, Integer directions, List<Long> seeds, Preset preset,
                     Integer iterations, Integer batch, Double lr, Integer evalEvery, List<Double> selectLr,
                     Integer selectIterations, Path out, boolean resume, boolean force,
                     java.time.Duration checkpointEvery) {
        this(task, methods, directions, seeds, preset, iterations, batch, lr, evalEvery, selectLr, selectIterations,
                out, resume, force, checkpointEvery, ChoiceOptions.NONE);
    }

    /** Without training-convention options and with the default checkpoint interval. */
    ReproduceOptions(String task, List<String> methods, Integer directions, List<Long> seeds, Preset preset,
                     Integer iterations, Integer batch, Double lr, Integer evalEvery, List<Double> selectLr,
                     Integer selectIterations, Path out, boolean resume, boolean force) {
        this(task, methods, directions, seeds, preset, iterations, batch, lr, evalEvery, selectLr, selectIterations,
                out, resume, force, null, ChoiceOptions.NONE);
    }
}
