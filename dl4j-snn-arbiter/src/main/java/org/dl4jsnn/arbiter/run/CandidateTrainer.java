package org.dl4jsnn.arbiter.run;

import java.util.concurrent.CancellationException;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.estimator.NonFiniteGradientException;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * Trains a candidate for a fixed number of iterations, one minibatch each through DL4J's fit (so an RFG
 * network runs its estimator there), starting a new epoch whenever the data runs out.
 */
final class CandidateTrainer {

    private CandidateTrainer() {
    }

    static void train(Model model, Object trainData, int iterations) {
        for (int i = 1; i <= iterations; i++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("search stopped during iteration " + i);
            }
            try {
                fitOne(model, trainData);
            } catch (NonFiniteGradientException e) {
                throw new CandidateDivergedException("diverged at iteration " + i + ": " + e.getMessage(), e);
            }
            double loss = model.score();
            if (!Double.isFinite(loss)) {
                throw new CandidateDivergedException("diverged at iteration " + i + ": the loss became " + loss, null);
            }
        }
    }

    private static void fitOne(Model model, Object data) {
        if (data instanceof DataSetIterator it) {
            if (!it.hasNext()) {
                it.reset();
            }
            var batch = it.next();
            if (model instanceof MultiLayerNetwork net) {
                net.fit(batch);
            } else if (model instanceof ComputationGraph graph) {
                graph.fit(batch);
            } else {
                throw unsupported(model);
            }
        } else if (data instanceof MultiDataSetIterator it) {
            if (!it.hasNext()) {
                it.reset();
            }
            if (!(model instanceof ComputationGraph graph)) {
                throw new IllegalArgumentException("multi-input data needs a ComputationGraph, got "
                        + model.getClass().getName());
            }
            graph.fit(it.next());
        } else {
            throw new IllegalArgumentException("training data must be a DataSetIterator or MultiDataSetIterator, got "
                    + (data == null ? "null" : data.getClass().getName()));
        }
    }

    private static IllegalArgumentException unsupported(Model model) {
        return new IllegalArgumentException("model must be a MultiLayerNetwork or ComputationGraph, got "
                + model.getClass().getName());
    }
}
