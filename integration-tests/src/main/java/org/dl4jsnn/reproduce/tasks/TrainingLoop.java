package org.dl4jsnn.reproduce.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.reproduce.CheckpointStore;
import org.dl4jsnn.estimator.NonFiniteGradientException;
import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.MethodRun;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.TrainingDivergedException;
import org.dl4jsnn.reproduce.TrainingMonitor;
import org.dl4jsnn.reproduce.TrainingPoint;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * Trains one method with one seed for a task: DL4J's fit on one minibatch per iteration, the error on
 * the held-out rows of the split (test set or validation fold) every evalEvery iterations, a checkpoint every few minutes, and resumption from the last one.
 */
final class TrainingLoop {

    private final TaskModel task;
    private final long checkpointMillis;

    TrainingLoop(TaskModel task, long checkpointMillis) {
        this.task = task;
        this.checkpointMillis = checkpointMillis;
    }

    MethodRun run(RunSettings settings, MethodSpec method, long seed, EvaluationSplit split,
                  TrainingMonitor monitor, CheckpointStore checkpoints, String runKey) {
        Optional<byte[]> saved = checkpoints.load(runKey);
        ComputationGraph net;
        int done;
        double wallBefore;
        List<TrainingPoint> curve;
        if (saved.isPresent()) {
            Checkpoint c = Checkpoint.decode(runKey, saved.get());
            net = task.restore(c.restoreModel(), method, settings, seed);
            done = c.iterations();
            wallBefore = c.wallSeconds();
            curve = new ArrayList<>(c.curve());
        } else {
            net = task.create(method, settings, seed);
            net.init();
            done = 0;
            wallBefore = 0;
            curve = new ArrayList<>();
        }
        int outputs = net.getConfiguration().getNetworkOutputs().size();
        MultiDataSetIterator data = task.trainData(settings, seed, split);
        skip(data, done);

        String name = method.label() + " seed " + seed
                + (split == EvaluationSplit.VALIDATION ? " lr " + settings.lr() + " (validation)" : "");
        monitor.start(name, split, settings.iterations(), done);
        long start = System.nanoTime();
        long lastCheckpoint = System.nanoTime();
        double trainSeconds = 0;
        for (int it = done; it < settings.iterations(); it++) {
            MultiDataSet batch = next(data);
            long t0 = System.nanoTime();
            try {
                net.fit(withLabelPerOutput(batch, outputs));
            } catch (NonFiniteGradientException e) {
                throw new TrainingDivergedException(method.label() + " seed " + seed + ": " + e.getMessage()
                        + "; lower --lr", e);
            }
            trainSeconds += (System.nanoTime() - t0) / 1e9;
            int iteration = it + 1;
            double loss = net.score();
            if (!Double.isFinite(loss)) {
                throw new TrainingDivergedException(method.label() + " seed " + seed + ": the loss became " + loss
                        + " at iteration " + iteration + "; lower --lr");
            }
            double testError = Double.NaN;
            if (iteration % settings.evalEvery() == 0 || iteration == settings.iterations()) {
                testError = task.error(net, split);
                curve.add(new TrainingPoint(iteration, loss, testError));
            }
            if (System.nanoTime() - lastCheckpoint >= checkpointMillis * 1_000_000L
                    && iteration < settings.iterations()) {
                double wall = wallBefore + (System.nanoTime() - start) / 1e9;
                checkpoints.save(runKey, Checkpoint.of(net, iteration, wall, curve).encode());
                lastCheckpoint = System.nanoTime();
            }
            monitor.update(iteration, loss, testError);
        }
        monitor.finish();
        double wall = wallBefore + (System.nanoTime() - start) / 1e9;
        int newIterations = settings.iterations() - done;
        double msPerIter = newIterations > 0 ? 1000 * trainSeconds / newIterations : Double.NaN;
        double error = curve.isEmpty() ? task.error(net, split) : curve.get(curve.size() - 1).testError();
        return new MethodRun(method.label(), seed, settings.iterations(), settings.batch(), settings.lr(), error,
                wall, msPerIter, SpikeRates.measure(net, task.probeInputs()), curve,
                split == EvaluationSplit.TEST ? task.artifacts(net) : null,
                split == EvaluationSplit.TEST ? task.globalTestError(net) : Double.NaN);
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
        java.util.Arrays.fill(repeated, labels[0]);
        return new org.nd4j.linalg.dataset.MultiDataSet(batch.getFeatures(), repeated);
    }
}
