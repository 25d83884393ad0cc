package org.dl4jsnn.reproduce.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.LearningRateSearch;
import org.dl4jsnn.reproduce.LrTrial;
import org.dl4jsnn.reproduce.MethodRun;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.TrainingDivergedException;
import org.dl4jsnn.reproduce.TrainingMonitor;
import org.dl4jsnn.reproduce.store.FileCheckpointStore;
import org.dl4jsnn.reproduce.store.RunKeys;
import org.dl4jsnn.reproduce.store.RunRecordStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses a method's learning rate on the task's validation fold. Each trial is an ordinary run
 * (checkpointed, recorded, resumable) with its own run key, so an interrupted search continues
 * where it stopped and a finished one is never repeated.
 */
final class LearningRateSelection {

    private static final Logger LOG = LoggerFactory.getLogger(LearningRateSelection.class);

    /** The trials of one method and the learning rate they chose. */
    record Choice(List<LrTrial> trials, double lr) {
    }

    private final Supplier<TrainingMonitor> monitors;

    LearningRateSelection(Supplier<TrainingMonitor> monitors) {
        this.monitors = monitors;
    }

    Choice choose(TaskPlan plan, MethodSpec method, FileCheckpointStore checkpoints, RunRecordStore records) {
        LearningRateSearch search = plan.lrSearch();
        long seed = plan.seeds().get(0);
        List<LrTrial> trials = new ArrayList<>();
        for (double lr : search.candidates()) {
            String key = RunKeys.ofTrial(plan.task(), method.label(), seed, lr);
            RunSettings settings = trialSettings(plan.settings(), search, lr);
            MethodRun run = records.loadMatching(key, method.label(), seed, settings).orElse(null);
            if (run == null) {
                run = train(plan, settings, method, seed, key, checkpoints);
                records.save(key, run);
                checkpoints.delete(key);
            }
            trials.add(new LrTrial(method.label(), seed, lr, run.relL2()));
        }
        LrTrial best = LrTrial.best(trials).orElseThrow(() -> new TrainingDivergedException("every learning rate"
                + " in " + search.candidates() + " diverged for " + method.label() + " (see runs/ in --out);"
                + " give smaller --select-lr values"));
        LOG.info("{} {}: learning rate {} chosen on the validation fold (error {})", plan.task(), method.label(),
                best.lr(), best.validationError());
        return new Choice(trials, best.lr());
    }

    static RunSettings trialSettings(RunSettings settings, LearningRateSearch search, double lr) {
        return new RunSettings(search.iterations(), settings.batch(), lr,
                Math.min(settings.evalEvery(), search.iterations()), settings.extra());
    }

    /**
     * A diverging candidate is a bad candidate, not a failed reproduction: it is recorded with a NaN error
     * (and where it diverged), and {@link LrTrial#best} passes over it.
     */
    private MethodRun train(TaskPlan plan, RunSettings settings, MethodSpec method, long seed, String key,
                            FileCheckpointStore checkpoints) {
        try {
            return TaskReproduction.checked(plan, method, seed, key, plan.runner().run(settings, method, seed,
                    EvaluationSplit.VALIDATION, monitors.get(), checkpoints, key));
        } catch (TrainingDivergedException e) {
            LOG.warn("{}: diverged ({}); this learning rate is out", key, e.getMessage());
            return e.divergence() != null
                    ? MethodRun.diverged(method.label(), seed, settings.iterations(), settings.batch(), settings.lr(),
                            Double.NaN, Double.NaN, List.of(), e.divergence())
                    : new MethodRun(method.label(), seed, settings.iterations(), settings.batch(), settings.lr(),
                            Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of(), null);
        }
    }
}
