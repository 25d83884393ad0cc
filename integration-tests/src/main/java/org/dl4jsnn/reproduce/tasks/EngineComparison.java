package org.dl4jsnn.reproduce.tasks;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.estimator.NonFiniteGradientException;
import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.TaskRunner;
import org.dl4jsnn.reproduce.TrainingDivergedException;
import org.dl4jsnn.samediff.model.SpikingMlpGraph;
import org.dl4jsnn.samediff.model.SpikingMlpImport;
import org.dl4jsnn.samediff.rfg.SameDiffRfgTrainer;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one RFG method of a task by both engines from the same initial weights, on the same
 * minibatches, with the same RFG settings and updater: the DL4J engine ({@code RfgComputationGraph.fit})
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

    /** The DL4J engine's row, then the SameDiff engine's. */
    public List<Row> compare(RunSettings settings, MethodSpec method, long seed) {
        if (!method.gradient().isForwardGradient() || method.localLosses()) {
            throw new IllegalArgumentException("the SameDiff engine trains RFG methods without local losses, not "
                    + method.label());
        }
        ComputationGraph dl4j = Methods.create(task.network(method, settings, seed), method, seed);
        dl4j.init();
        SpikingMlpGraph graph = SpikingMlpImport.of(dl4j);
        Row dl4jRow = trainDl4j(dl4j, settings, method, seed);
        Row sameDiffRow = trainSameDiff(graph, settings, method, seed,
                dl4j.getConfiguration().getDefaultConfiguration().getSeed());
        return List.of(dl4jRow, sameDiffRow);
    }

    private Row trainDl4j(ComputationGraph net, RunSettings settings, MethodSpec method, long seed) {
        MultiDataSetIterator data = task.trainData(settings, seed, EvaluationSplit.TEST);
        long nanos = 0;
        for (int it = 0; it < settings.iterations(); it++) {
            MultiDataSet batch = next(data);
            long t0 = System.nanoTime();
            try {
                net.fit(batch);
            } catch (NonFiniteGradientException e) {
                throw diverged(method, seed, "dl4j", e);
            }
            nanos += System.nanoTime() - t0;
            progress("dl4j", method, it + 1, settings.iterations(), net.score());
        }
        return new Row(method.label(), seed, "dl4j", settings.iterations(), nanos / 1e6 / settings.iterations(),
                task.testError(net));
    }

    private Row trainSameDiff(SpikingMlpGraph graph, RunSettings settings, MethodSpec method, long seed,
                              long networkSeed) {
        SameDiffRfgTrainer trainer = SameDiffRfgTrainer.builder(graph.sameDiff(), graph.loss())
                .parameterGroups(graph.layerParameters()).spikes(graph.spikes())
                .rfg(Methods.rfg(method, seed)).networkSeed(networkSeed).updater(Methods.updater(settings)).build();
        MultiDataSetIterator data = task.trainData(settings, seed, EvaluationSplit.TEST);
        long nanos = 0;
        for (int it = 0; it < settings.iterations(); it++) {
            MultiDataSet batch = next(data);
            Map<String, org.nd4j.linalg.api.ndarray.INDArray> feed =
                    graph.placeholders(batch.getFeatures(0), batch.getLabels(0));
            long t0 = System.nanoTime();
            double loss;
            try {
                loss = trainer.step(feed).loss();
            } catch (NonFiniteGradientException e) {
                throw diverged(method, seed, "samediff", e);
            }
            nanos += System.nanoTime() - t0;
            progress("samediff", method, it + 1, settings.iterations(), loss);
        }
        ComputationGraph evaluated = Methods.create(task.network(method, settings, seed), method, seed);
        evaluated.init();
        SpikingMlpImport.copyParameters(graph, evaluated);
        return new Row(method.label(), seed, "samediff", settings.iterations(), nanos / 1e6 / settings.iterations(),
                task.testError(evaluated));
    }

    private void progress(String engine, MethodSpec method, int iteration, int of, double loss) {
        if (iteration % 100 == 0 || iteration == of) {
            LOG.info("{} {} on {}: iteration {}/{}, loss {}", taskName, method.label(), engine, iteration, of,
                    String.format(java.util.Locale.ROOT, "%.5f", loss));
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
