package org.dl4jsnn.reproduce.tasks;

import java.util.List;
import org.dl4jsnn.reproduce.TaskRegistry;

/** The command-line tool's tasks and benchmark (found by {@code Dl4jSnnCli} at start-up). */
public final class Tasks {

    private Tasks() {
    }

    public static TaskRegistry registry() {
        return new TaskRegistry(List.of(new MexicanHatTask(), new PoissonDeepOnetTask(), new DiffusionReactionTask()),
                new IterationBenchmarkRunner());
    }
}
