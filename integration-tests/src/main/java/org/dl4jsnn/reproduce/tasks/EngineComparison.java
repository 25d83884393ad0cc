package org.dl4jsnn.reproduce.tasks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.estimator.NonFiniteGradientException;
import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.GradientKind;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.TaskRunner;
import org.dl4jsnn.reproduce.TrainingDivergedException;
import org.dl4jsnn.samediff.model.SpikingMlpGraph;
import org.dl4jsnn.samediff.model.SpikingMlpImport;
import org.dl4jsnn.samediff.rfg.SameDiffRfgTrainer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one RFG method of a task by both engines from the same initial weights, on the same
 * minibatches, with the same RFG settings, WSG noise and updater: the DL4J engine ({@code RfgComputationGraph.fit})
 * and the SameDiff engine ({@link SameDiffRfgTrainer} on the network imported into SameDiff). Reports each
 * engine's training time per iteration and the test error of what it trained, both measured by the
 * task's own metric on the DL4J network (the SameDiff weights are copied back for that).
 */
public final class EngineComparison {

    private static final Logger LOG = LoggerFactory.getLogger(EngineComparison.class);

    /** One engine's run. */
    public record Row(String method, long seed, String engine, int iterations, double msPerIteration,
                      double testError) {
    }

    private final TaskModel task;
    private final String taskName;

    private EngineComparison(TaskModel task, String taskName) {
        this.task = task;
        this.taskName = taskName;
    }

    /** @throws IllegalArgumentException if the task's network cannot run on the SameDiff engine */
    public static EngineComparison of(TaskRunner runner) {
        if (!(runner instanceof MexicanHatTask hat)) {
            throw new IllegalArgumentException("the SameDiff engine runs spiking MLPs: task mexican-hat only, not "
                    + runner.task());
        }
        return new EngineComparison(hat, runner.task());
    }

    /**
     * The DL4J engine's row, then the SameDiff engine's. The engines take turns, one iteration each on the
     * same minibatch, so a machine whose load changes during the run slows both alike.
     */
    public List<Row> compare(RunSettings settings, MethodSpec method, long seed) {
        if (!method.gradient().isForwardGradient() || method.gradient() == GradientKind.RFG_A || method.localLosses()) {
            throw new IllegalArgumentException("the SameDiff engine trains RFG-G and RFG-L without local losses, not "
                    + method.label());
        }
        ComputationGraph dl4j = Methods.create(task.network(method, settings, seed), method, seed);
        dl4j.init();
        SpikingMlpGraph graph = SpikingMlpImport.of(dl4j, true);   // RFG only: the cheaper bare-step spikes
        SameDiffRfgTrainer trainer = SameDiffRfgTrainer.builder(graph.sameDiff(), graph.loss())
                .parameterGroups(graph.layerParameters()).spikes(graph.spikes())
                .rfg(Methods.rfg(method, seed)).networkSeed(dl4j.getConfiguration().getDefaultConfiguration().getSeed())
                .updater(Methods.updater(settings)).build();
        MultiDataSetIterator data = task.trainData(settings, seed, EvaluationSplit.TEST);
        long dl4jNanos = 0;
        long sameDiffNanos = 0;
        for (int it = 0; it < settings.iterations(); it++) {
            MultiDataSet batch = next(data);
            Map<String, INDArray> feed = graph.placeholders(batch.getFeatures(0), batch.getLabels(0));
            long t0 = System.nanoTime();
            try {
                dl4j.fit(batch);
            } catch (NonFiniteGradientException e) {
                throw diverged(method, seed, "dl4j", e);
            }
            long t1 = System.nanoTime();
            double loss;
            try {
                loss = trainer.step(feed).loss();
            } catch (NonFiniteGradientException e) {
                throw diverged(method, seed, "samediff", e);
            }
            long t2 = System.nanoTime();
            dl4jNanos += t1 - t0;
            sameDiffNanos += t2 - t1;
            progress(method, it + 1, settings.iterations(), dl4j.score(), loss);
        }
        ComputationGraph evaluated = Methods.create(task.network(method, settings, seed), method, seed);
        evaluated.init();
        SpikingMlpImport.copyParameters(graph, evaluated);
        int n = settings.iterations();
        return List.of(new Row(method.label(), seed, "dl4j", n, dl4jNanos / 1e6 / n, task.testError(dl4j)),
                new Row(method.label(), seed, "samediff", n, sameDiffNanos / 1e6 / n, task.testError(evaluated)));
    }

    private void progress(MethodSpec method, int iteration, int of, double dl4jLoss, double sameDiffLoss) {
        if (iteration % 100 == 0 || iteration == of) {
            LOG.info("{} {}: iteration {}/{}, loss {} (dl4j engine), {} (samediff engine)", taskName, method.label(),
                    iteration, of, String.format(Locale.ROOT, "%.5f", dl4jLoss),
                    String.format(Locale.ROOT, "%.5f", sameDiffLoss));
        }
    }

    private static TrainingDivergedException diverged(MethodSpec method, long seed, String engine, RuntimeException e) {
        return new TrainingDivergedException(method.label() + " seed " + seed + " (" + engine + " engine): "
                + e.getMessage() + "; lower --lr", e);
    }

    private static MultiDataSet next(MultiDataSetIterator data) {
        if (!data.hasNext()) {
            data.reset();
        }
        return data.next();
    }
}
