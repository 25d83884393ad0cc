package org.dl4jsnn.reproduce.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dl4jsnn.reproduce.DistributedTrainers;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.run.TaskPlan;

/**
 * The reproduce command's {@code --spark MASTER}: checks, before anything is trained, that the Spark trainer
 * is on the class path and can train every method, and records the master in each plan's settings, where
 * the training loop finds it (docs/design.md section 9).
 */
final class SparkOption {

    private SparkOption() {
    }

    /**
     * @param master the --spark value, or null when not given (a resumed reproduction may still carry one)
     * @throws InvalidOptionException naming --spark and what it accepts
     */
    static List<TaskPlan> apply(String master, Engine engine, List<TaskPlan> plans, ClassLoader loader) {
        if (master != null && master.isBlank()) {
            throw new InvalidOptionException("--spark", "needs a Spark master such as local[2] or spark://host:7077");
        }
        List<TaskPlan> out = new ArrayList<>();
        for (TaskPlan p : plans) {
            RunSettings settings = master == null ? p.settings()
                    : p.settings().withExtra(Map.of(DistributedTrainers.SETTING, master));
            out.add(new TaskPlan(p.runner(), p.methods(), p.seeds(), p.preset(), settings, p.lrSearch(), p.out(),
                    p.resume(), p.force(), p.commandLine(), p.checkpointEvery()));
        }
        if (out.stream().noneMatch(p -> DistributedTrainers.master(p.settings()).isPresent())) {
            return out;
        }
        if (engine == Engine.SAMEDIFF) {
            throw new InvalidOptionException("--spark", "trains with the dl4j engine only, not --engine samediff");
        }
        for (TaskPlan p : out) {
            for (MethodSpec m : p.methods()) {
                DistributedTrainers.unsupported(m).ifPresent(why -> {
                    throw new InvalidOptionException("--spark", why);
                });
            }
        }
        if (DistributedTrainers.find(loader).isEmpty()) {
            throw new InvalidOptionException("--spark", DistributedTrainers.missingMessage());
        }
        return out;
    }
}
