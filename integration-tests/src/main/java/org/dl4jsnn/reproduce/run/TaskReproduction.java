package org.dl4jsnn.reproduce.run;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.dl4jsnn.parallel.BatchThreads;
import org.dl4jsnn.reproduce.CheckpointStore;
import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.InsufficientMemoryException;
import org.dl4jsnn.reproduce.LrSelectionSummary;
import org.dl4jsnn.reproduce.LrTrial;
import org.dl4jsnn.reproduce.MethodRun;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.TrainingDivergedException;
import org.dl4jsnn.reproduce.TrainingMonitor;
import org.dl4jsnn.reproduce.json.SettingsJson;
import org.dl4jsnn.reproduce.report.ReportInput;
import org.dl4jsnn.reproduce.report.ReportWriter;
import org.dl4jsnn.reproduce.store.AtomicFiles;
import org.dl4jsnn.reproduce.store.FileCheckpointStore;
import org.dl4jsnn.reproduce.store.OutputFolder;
import org.dl4jsnn.reproduce.store.RunKeys;
import org.dl4jsnn.reproduce.store.RunRecordStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link TaskPlan}: trains each (method, seed) not already finished, records it, and
 * writes the report. A run is recorded only when complete, and its checkpoint is then deleted, so
 * an interrupted invocation leaves exactly what --resume needs.
 */
public final class TaskReproduction {

    private static final Logger LOG = LoggerFactory.getLogger(TaskReproduction.class);

    private final Supplier<TrainingMonitor> monitors;
    private final ReportWriter reportWriter = new ReportWriter();
    private final SettingsJson settingsJson = new SettingsJson();
    private final LearningRateSelection selection;
    private final RunExport export;
    private final BatchThreads threads;

    public TaskReproduction(Supplier<TrainingMonitor> monitors) {
        this(monitors, null);
    }

    /** @param export exports each newly trained network, or null for none */
    public TaskReproduction(Supplier<TrainingMonitor> monitors, RunExport export) {
        this(monitors, export, BatchThreads.single());
    }

    /** @param threads each minibatch's threads (see {@link BatchThreads}); the caller owns and closes them */
    public TaskReproduction(Supplier<TrainingMonitor> monitors, RunExport export, BatchThreads threads) {
        if (threads == null) {
            throw new IllegalArgumentException("threads must not be null (use BatchThreads.single())");
        }
        this.threads = threads;
        this.monitors = monitors;
        this.selection = new LearningRateSelection(monitors);
        this.export = export;
    }

    /** @return the runs of the report, in method then seed order; diverged runs are marked ({@link MethodRun#hasDiverged}) */
    public List<MethodRun> execute(TaskPlan plan) {
        requireHeap(plan);
        OutputFolder out = plan.out();
        if (plan.force()) {
            out.clearState();
        }
        out.clearReport();
        if (!Files.exists(out.settingsJson())) {
            AtomicFiles.write(out.settingsJson(), settingsJson.write(
                    new SettingsJson.Recorded(plan.task(), plan.preset(), plan.settings(), plan.lrSearch())));
        }
        FileCheckpointStore checkpoints = new FileCheckpointStore(out.checkpointsDir(), plan.checkpointEvery());
        RunRecordStore records = new RunRecordStore(out.runsDir());
        if (plan.resume()) {
            verifyResumableState(plan, checkpoints, records);
        }

        List<MethodRun> runs = new ArrayList<>();
        List<LrTrial> trials = new ArrayList<>();
        for (MethodSpec method : plan.methods()) {
            RunSettings settings = plan.settings();
            if (plan.lrSearch() != null) {
                LearningRateSelection.Choice choice = selection.choose(plan, method, checkpoints, records);
                trials.addAll(choice.trials());
                settings = settings.withOverrides(null, null, choice.lr(), null);
            }
            for (long seed : plan.seeds()) {
                String key = RunKeys.of(plan.task(), method.label(), seed);
                MethodRun run = records.loadMatching(key, method.label(), seed, settings).orElse(null);
                if (run != null) {
                    LOG.info("{}: finished earlier, reusing {}", key, records.fileOf(key));
                } else {
                    run = train(plan, settings, method, seed, key, checkpoints);
                    records.save(key, run);
                    checkpoints.delete(key);
                }
                runs.add(run);
            }
        }
        reportWriter.write(out, new ReportInput(plan.task(), plan.runner().description(), plan.preset(),
                plan.settings(), plan.methods(), plan.seeds(), runs, plan.runner().paperErrors(),
                plan.commandLine(), selectionSummary(plan, trials)));
        return runs;
    }

    /** Refuses, before anything is written or trained, a method whose iteration cannot fit in this JVM's heap. */
    private static void requireHeap(TaskPlan plan) {
        long max = Runtime.getRuntime().maxMemory();
        for (MethodSpec method : plan.methods()) {
            long needed = plan.runner().iterationHeapBytes(method, plan.settings());
            if (needed > max) {
                throw new InsufficientMemoryException(method.label() + " (" + plan.task() + ", batch "
                        + plan.settings().batch() + ")", needed, max, "lower --directions or --batch");
            }
        }
    }

    /**
     * Fails before any training if a checkpoint that will be resumed is damaged, or if a finished run's record
     * was trained with other settings than the run it would stand for. A run whose rate a search still has to
     * choose is checked when the search has chosen it.
     */
    private static void verifyResumableState(TaskPlan plan, FileCheckpointStore checkpoints,
                                             RunRecordStore records) {
        for (MethodSpec method : plan.methods()) {
            for (long seed : plan.seeds()) {
                verifyRun(RunKeys.of(plan.task(), method.label(), seed), method, seed,
                        plan.lrSearch() == null ? plan.settings() : null, checkpoints, records);
            }
            if (plan.lrSearch() != null) {
                long seed = plan.seeds().get(0);
                for (double lr : plan.lrSearch().candidates()) {
                    verifyRun(RunKeys.ofTrial(plan.task(), method.label(), seed, lr), method, seed,
                            LearningRateSelection.trialSettings(plan.settings(), plan.lrSearch(), lr), checkpoints,
                            records);
                }
            }
        }
    }

    /** @param settings what the run is trained with, or null while a search has still to choose its rate */
    private static void verifyRun(String key, MethodSpec method, long seed, RunSettings settings,
                                  FileCheckpointStore checkpoints, RunRecordStore records) {
        boolean finished = settings == null ? records.load(key).isPresent()
                : records.loadMatching(key, method.label(), seed, settings).isPresent();
        if (!finished) {
            checkpoints.verify(key);
        }
    }

    private static LrSelectionSummary selectionSummary(TaskPlan plan, List<LrTrial> trials) {
        return plan.lrSearch() == null ? null
                : new LrSelectionSummary(plan.lrSearch(), plan.runner().validationFold(), trials);
    }

    /** A run that diverges is recorded as diverged, so the report marks it and --resume does not repeat it. */
    private MethodRun train(TaskPlan plan, RunSettings settings, MethodSpec method, long seed, String key,
                            FileCheckpointStore checkpoints) {
        LOG.info("{}: training {} with seed {}", plan.task(), method.label(), seed);
        CheckpointStore store = export == null ? checkpoints : export.capturing(checkpoints, plan.out());
        try {
            return checked(plan, method, seed, key, plan.runner().run(settings, method, seed, EvaluationSplit.TEST,
                    monitors.get(), store, key, threads));
        } catch (TrainingDivergedException e) {
            if (e.divergence() == null) {
                throw e;
            }
            return MethodRun.diverged(method.label(), seed, settings.iterations(), settings.batch(), settings.lr(),
                    Double.NaN, Double.NaN, List.of(), e.divergence());
        }
    }

    /** The runner's result, refused if it is not the (method, seed) that was asked for. */
    static MethodRun checked(TaskPlan plan, MethodSpec method, long seed, String key, MethodRun run) {
        if (run == null) {
            throw new IllegalStateException("task runner " + plan.task() + " returned no result for " + key);
        }
        if (!run.method().equals(method.label()) || run.seed() != seed) {
            // the report groups runs by label and seed; a mismatch would silently misfile a result
            throw new IllegalStateException("task runner " + plan.task() + " returned method " + run.method()
                    + " seed " + run.seed() + " for " + method.label() + " seed " + seed);
        }
        return run;
    }
}
