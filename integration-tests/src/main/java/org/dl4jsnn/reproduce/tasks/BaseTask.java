package org.dl4jsnn.reproduce.tasks;

import java.nio.file.Path;
import java.util.Locale;
import org.dl4jsnn.data.DatasetCache;
import org.dl4jsnn.parallel.BatchThreads;
import org.dl4jsnn.reproduce.CheckpointStore;
import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.MethodRun;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.TaskRunner;
import org.dl4jsnn.reproduce.TrainingMonitor;

/** A task runner whose training is the shared {@link TrainingLoop}. */
abstract class BaseTask implements TaskRunner, TaskModel {

    /** The system property that moves the data cache: -Ddl4j.snn.cache=DIR. */
    static final String CACHE_PROPERTY = "dl4j.snn.cache";

    /** Where generated data sets are cached; {@link #CACHE_PROPERTY} overrides ~/.cache/dl4j-snn. */
    static DatasetCache cache() {
        String dir = System.getProperty(CACHE_PROPERTY);
        return dir == null ? DatasetCache.atDefaultLocation() : new DatasetCache(Path.of(dir));
    }

    /** "the last 80 of 800 training functions": the fold {@link EvaluationSplit#validationStart} cuts off. */
    static String lastRows(int n, String rows) {
        return String.format(Locale.ROOT, "the last %,d of the %,d training %s",
                n - EvaluationSplit.validationStart(n), n, rows);
    }

    /** Rows of a training set of {@code n} rows that a run on {@code split} trains on. */
    static int rowsOf(int n, EvaluationSplit split) {
        return split == EvaluationSplit.TEST ? n : EvaluationSplit.validationStart(n);
    }

    @Override
    public long iterationHeapBytes(MethodSpec method, RunSettings settings) {
        return SweepMemory.bytes(network(method, settings, 0), method, settings.batch());
    }

    @Override
    public MethodRun run(RunSettings settings, MethodSpec method, long seed, EvaluationSplit split,
                         TrainingMonitor monitor, CheckpointStore checkpoints, String runKey) {
        return run(settings, method, seed, split, monitor, checkpoints, runKey, BatchThreads.single());
    }

    @Override
    public MethodRun run(RunSettings settings, MethodSpec method, long seed, EvaluationSplit split,
                         TrainingMonitor monitor, CheckpointStore checkpoints, String runKey,
                         BatchThreads threads) {
        return new TrainingLoop(forSettings(settings), checkpoints.interval().toMillis(), threads).run(settings,
                method, seed, split, monitor, checkpoints, runKey);
    }
}
