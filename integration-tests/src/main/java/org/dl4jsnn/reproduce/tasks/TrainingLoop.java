package org.dl4jsnn.reproduce.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.averaging.ParameterAverage;
import org.dl4jsnn.estimator.NonFiniteGradientException;
import org.dl4jsnn.layer.SpikingLayers;
import org.dl4jsnn.parallel.BatchThreads;
import org.dl4jsnn.reproduce.CheckpointStore;
import org.dl4jsnn.reproduce.DistributedTrainers;
import org.dl4jsnn.reproduce.Divergence;
import org.dl4jsnn.reproduce.DivergenceRule;
import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.MethodRun;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.TrainingMonitor;
import org.dl4jsnn.reproduce.TrainingPoint;
import org.dl4jsnn.reproduce.choice.TrainingChoices;
import org.dl4jsnn.train.DistributedTraining;
import org.dl4jsnn.train.RfgModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one method with one seed for a task: DL4J's fit on one minibatch per iteration, the error on
 * the held-out rows of the split (test set or validation fold) every evalEvery iterations (of the
 * parameter average when the settings ask for one, which is then also the model the run ends with), a checkpoint
 * at the store's interval and when the JVM is told to stop, resumption from the last one, and a stop
 * with the iteration named when the loss diverges ({@link DivergenceRule}).
 */
final class TrainingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);

    private final TaskModel task;
    private final BatchThreads threads;
    private final long checkpointMillis;

    TrainingLoop(TaskModel task, long checkpointMillis) {
        this(task, checkpointMillis, BatchThreads.single());
    }

    TrainingLoop(TaskModel task, long checkpointMillis, BatchThreads threads) {
        if (threads == null) {
            throw new IllegalArgumentException("threads must not be null (use BatchThreads.single())");
        }
        this.task = task;
        this.checkpointMillis = checkpointMillis;
        this.threads = threads;
    }

    MethodRun run(RunSettings settings, MethodSpec method, long seed, EvaluationSplit split,
                  TrainingMonitor monitor, CheckpointStore checkpoints, String runKey) {
        RunIdentity identity = RunIdentity.of(task.task(), method, seed, split, settings);
        Optional<byte[]> saved = checkpoints.load(runKey);
        ComputationGraph net;
        int done;
        double wallBefore;
        List<TrainingPoint> curve;
        DivergenceRule divergenceRule;
        Optional<ParameterAverage> average = TrainingChoices.of(settings).averaging().start();
        if (saved.isPresent()) {
            Checkpoint c = Checkpoint.decode(runKey, saved.get()).requireIdentity(runKey, identity);
            net = task.restore(c.restoreModel(), method, settings, seed);
            done = c.iterations();
            wallBefore = c.wallSeconds();
            curve = new ArrayList<>(c.curve());
            divergenceRule = c.divergenceRule();
            average = c.restoreAverage(average);
        } else {
            net = task.create(method, settings, seed);
            net.init();
            done = 0;
            wallBefore = 0;
            curve = new ArrayList<>();
            divergenceRule = new DivergenceRule();
        }
        if (net instanceof RfgModel rfg) {
            rfg.setBatchThreads(threads);
        } else {
            SpikingLayers.setBatchThreads(net, threads);
        }
        int outputs = net.getConfiguration().getNetworkOutputs().size();
        MultiDataSetIterator data = task.trainData(settings, seed, split);
        skip(data, done);

        String name = method.label() + " seed " + seed
                + (split == EvaluationSplit.VALIDATION ? " lr " + settings.lr() + " (validation)" : "");
        monitor.start(name, split, settings.iterations(), done);
        net.setListeners(monitor.listeners());
        long start = System.nanoTime();
        long lastCheckpoint = System.nanoTime();
        double trainSeconds = 0;
        int trained = 0;
        Divergence divergence = null;
        Optional<String> master = DistributedTrainers.master(settings);
        try (CheckpointOnSignal onSignal = CheckpointOnSignal.install(name);
             DistributedTraining.Session spark = master.map(m -> DistributedTrainers.require().open(m)).orElse(null)) {
            for (int it = done; it < settings.iterations(); ) {
                // on Spark one job trains up to the next evaluation: a job per step would add its start-up cost
                int steps = spark == null ? 1 : stepsToEvaluation(it, settings);
                List<MultiDataSet> batches = new ArrayList<>(steps);
                for (int s = 0; s < steps; s++) {
                    batches.add(withLabelPerOutput(next(data), outputs));
                }
                int iteration = it + steps;
                it = iteration;
                long t0 = System.nanoTime();
                try {
                    if (spark == null) {
                        net.fit(batches.get(0));
                    } else {
                        net = spark.fit(net, batches);
                        net.setListeners(monitor.listeners());
                    }
                } catch (NonFiniteGradientException e) {
                    divergence = new Divergence(iteration, e.getMessage());
                    break;
                }
                // on Spark the average takes the iterate each job ends with
                if (average.isPresent()) {
                    average.get().update(net.params());
                }
                trainSeconds += (System.nanoTime() - t0) / 1e9;
                trained += steps;
                // the replicas' scores stay on the executors: on Spark the loss is the trained network's on the
                // last minibatch
                double loss = spark == null ? net.score() : net.score(batches.get(steps - 1));
                divergence = divergenceRule.check(iteration, loss).orElse(null);
                if (divergence != null) {
                    break;
                }
                double testError = Double.NaN;
                if (iteration % settings.evalEvery() == 0 || iteration == settings.iterations()) {
                    testError = error(net, split, average);
                    curve.add(new TrainingPoint(iteration, loss, testError));
                }
                boolean due = System.nanoTime() - lastCheckpoint >= checkpointMillis * 1_000_000L
                        && iteration < settings.iterations();
                if (due || onSignal.requested()) {
                    double wall = wallBefore + (System.nanoTime() - start) / 1e9;
                    checkpoints.save(runKey, Checkpoint.of(identity, net, iteration, wall, curve, divergenceRule,
                            average).encode());
                    lastCheckpoint = System.nanoTime();
                    if (onSignal.requested()) {
                        onSignal.savedAndHalt(iteration);
                    }
                }
                monitor.update(iteration, loss, testError);
            }
        }
        monitor.finish();
        if (divergence == null && average.isPresent() && average.get().steps() > 0) {
            // the run's model is the average from here on: saved, exported, measured
            net.setParams(average.get().value(net.params().dataType()));
        }
        if (split == EvaluationSplit.TEST) {
            checkpoints.finished(runKey, net);
        }
        double wall = wallBefore + (System.nanoTime() - start) / 1e9;
        double msPerIter = trained > 0 ? 1000 * trainSeconds / trained : Double.NaN;
        if (divergence != null) {
            LOG.warn("{}: {}", name, divergence);
            return MethodRun.diverged(method.label(), seed, settings.iterations(), settings.batch(), settings.lr(),
                    wall, msPerIter, curve, divergence);
        }
        double error = curve.isEmpty() ? task.error(net, split) : curve.get(curve.size() - 1).testError();
        return new MethodRun(method.label(), seed, settings.iterations(), settings.batch(), settings.lr(), error,
                wall, msPerIter, SpikeRates.measure(net, task.probeInputs()), curve,
                split == EvaluationSplit.TEST ? task.artifacts(net) : null, null,
                split == EvaluationSplit.TEST ? task.globalTestError(net) : Double.NaN,
                split == EvaluationSplit.TEST ? task.trainingSetError(net) : null);
    }

    private double error(ComputationGraph net, EvaluationSplit split, Optional<ParameterAverage> average) {
        if (average.isEmpty()) {
            return task.error(net, split);
        }
        try (ParameterAverage.Applied averaged = average.get().appliedTo(net)) {
            return task.error(net, split);
        }
    }

    /** Steps from iteration {@code done} to the next evaluation (or the end). */
    static int stepsToEvaluation(int done, RunSettings settings) {
        int next = (done / settings.evalEvery() + 1) * settings.evalEvery();
        return Math.min(next, settings.iterations()) - done;
    }

    /** The data order depends on the iteration only: skipping what a checkpoint already trained on. */
    private static void skip(MultiDataSetIterator data, int iterations) {
        for (int i = 0; i < iterations; i++) {
            next(data);
        }
    }

    private static MultiDataSet next(MultiDataSetIterator data) {
        if (!data.hasNext()) {
            data.reset();
        }
        return data.next();
    }

    /** Local-loss heads train against the same targets as the main output. */
    private static MultiDataSet withLabelPerOutput(MultiDataSet batch, int outputs) {
        INDArray[] labels = batch.getLabels();
        if (labels.length == outputs) {
            return batch;
        }
        INDArray[] repeated = new INDArray[outputs];
        Arrays.fill(repeated, labels[0]);
        return new org.nd4j.linalg.dataset.MultiDataSet(batch.getFeatures(), repeated);
    }
}
