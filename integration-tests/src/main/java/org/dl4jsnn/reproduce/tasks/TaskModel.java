package org.dl4jsnn.reproduce.tasks;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.reproduce.Artifacts;
import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.TrainingSetError;
import org.dl4jsnn.reproduce.choice.TrainingChoices;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/** What differs between the benchmark tasks: their network, data and error metric. */
interface TaskModel {

    /** The task's command-line name, part of each checkpoint's identity. */
    String task();

    /** The network for a method (its surrogate and local-loss heads), seeded. */
    ComputationGraphConfiguration network(MethodSpec method, RunSettings settings, long seed);

    /**
     * The layers whose bias the {@code output-bias} RFG-L grouping puts in a group of its own: the
     * network's parameterised outputs (none by default).
     */
    default List<String> outputLayers() {
        return List.of();
    }

    /** The method's network, initialised as the settings' choices say and ready to train. */
    default ComputationGraph create(MethodSpec method, RunSettings settings, long seed) {
        return Methods.create(network(method, settings, seed), method, seed, TrainingChoices.of(settings),
                outputLayers());
    }

    /** A network restored from a checkpoint, wrapped for the method as {@link #create} wraps. */
    default ComputationGraph restore(ComputationGraph restored, MethodSpec method, RunSettings settings, long seed) {
        return Methods.wrap(restored, method, seed, TrainingChoices.of(settings), outputLayers());
    }

    /**
     * Training minibatches, in an order fixed by the seed epoch after epoch: all training rows for
     * TEST, all but the validation fold for VALIDATION.
     */
    MultiDataSetIterator trainData(RunSettings settings, long seed, EvaluationSplit split);

    /** The task's error metric on its test set. */
    double testError(ComputationGraph net);

    /**
     * The global relative L2 error on the test set, all functions and points pooled; for a task whose
     * test set is one function (a point cloud), the same as {@link #testError}.
     */
    default double globalTestError(ComputationGraph net) {
        return testError(net);
    }

    /**
     * The task's metric and the pooled one on all its training rows (what a test run trains on):
     * beside the test error, it tells an optimisation gap from a generalisation gap.
     */
    TrainingSetError trainingSetError(ComputationGraph net);

    /**
     * This task as the settings configure it (e.g. which data set variant): {@code this} unless a
     * setting changes what the task trains and tests on.
     */
    default TaskModel forSettings(RunSettings settings) {
        return this;
    }

    /** The task's error metric on the validation fold of its training set. */
    double validationError(ComputationGraph net);

    default double error(ComputationGraph net, EvaluationSplit split) {
        return split == EvaluationSplit.TEST ? testError(net) : validationError(net);
    }

    /** What the report draws for this network (predictions next to the truth). */
    Artifacts artifacts(ComputationGraph net);

    /** A few inputs on which to count how often neurons spike. */
    INDArray[] probeInputs();
}
