package org.dl4jsnn.reproduce.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.dl4jsnn.reproduce.MethodRun;
import org.dl4jsnn.reproduce.MethodSpec;
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

    public TaskReproduction(Supplier<TrainingMonitor> monitors) {
        this.monitors = monitors;
    }

    /** @return the runs of the report, in method then seed order */
    public List<MethodRun> execute(TaskPlan plan) {
        OutputFolder out = plan.out();
        if (plan.force()) {
            out.clearState();
        }
        out.clearReport();
        if (!java.nio.file.Files.exists(out.settingsJson())) {
            AtomicFiles.write(out.settingsJson(),
                    settingsJson.write(new SettingsJson.Recorded(plan.task(), plan.preset(), plan.settings())));
        }
        FileCheckpointStore checkpoints = new FileCheckpointStore(out.checkpointsDir());
        RunRecordStore records = new RunRecordStore(out.runsDir());
        if (plan.resume()) {
            verifyCheckpoints(plan, checkpoints, records);
        }

        List<MethodRun> runs = new ArrayList<>();
        for (MethodSpec method : plan.methods()) {
            for (long seed : plan.seeds()) {
                String key = RunKeys.of(plan.task(), method.label(), seed);
                MethodRun run = records.load(key).orElse(null);
                if (run != null) {
                    LOG.info("{}: finished earlier, reusing {}", key, records.fileOf(key));
                } else {
                    run = train(plan, method, seed, key, checkpoints);
                    records.save(key, run);
                    checkpoints.delete(key);
                }
                runs.add(run);
            }
        }
        reportWriter.write(out, new ReportInput(plan.task(), plan.runner().description(), plan.preset(),
                plan.settings(), plan.methods(), plan.seeds(), runs, plan.runner().paperErrors(),
                plan.commandLine()));
        return runs;
    }

    /** Fails before any training if a checkpoint that will be resumed is damaged. */
    private static void verifyCheckpoints(TaskPlan plan, FileCheckpointStore checkpoints, RunRecordStore records) {
        for (MethodSpec method : plan.methods()) {
            for (long seed : plan.seeds()) {
                String key = RunKeys.of(plan.task(), method.label(), seed);
                if (records.load(key).isEmpty()) {
                    checkpoints.verify(key);
                }
            }
        }
    }

    private MethodRun train(TaskPlan plan, MethodSpec method, long seed, String key, FileCheckpointStore checkpoints) {
        LOG.info("{}: training {} with seed {}", plan.task(), method.label(), seed);
        MethodRun run = plan.runner().run(plan.settings(), method, seed, monitors.get(), checkpoints, key);
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
