package org.dl4jsnn.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.dl4jsnn.estimator.DirectionalDerivativeExchange;
import org.dl4jsnn.estimator.ForwardGradientEstimator;
import org.dl4jsnn.estimator.LocalGuide;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.forward.ForwardGraph;
import org.dl4jsnn.forward.Value;
import org.dl4jsnn.layer.NdArrays;
import org.dl4jsnn.parallel.BatchThreads;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the RFG networks share: turn the network's current minibatch into an estimate and write it where
 * DL4J's updater expects a back-propagated gradient (the flat gradient array and per-parameter views).
 */
final class RfgTraining {

    private ForwardGradientEstimator estimator;
    private ForwardGraph graph;
    private INDArray graphParams;
    private ForwardGradientEstimator.Estimate last;

    RfgTraining(RfgSettings settings) {
        this.estimator = new ForwardGradientEstimator(settings);
    }

    /** A runtime setting (not saved with the model): the estimate is the same for any thread count. */
    void setBatchThreads(BatchThreads threads) {
        estimator = new ForwardGradientEstimator(estimator.settings(), threads, estimator.exchange());
    }

    /** A runtime setting (not saved with the model): data-parallel replicas, docs/design.md section 9. */
    void setExchange(DirectionalDerivativeExchange exchange) {
        estimator = new ForwardGradientEstimator(estimator.settings(), estimator.threads(), exchange);
    }

    BatchThreads batchThreads() {
        return estimator.threads();
    }

    RfgSettings settings() {
        return estimator.settings();
    }

    ForwardGradientEstimator.Estimate last() {
        return last;
    }

    /** Estimates the gradient of the step's minibatch and publishes it as DL4J's gradient. */
    Gradient step(RfgStep step) {
        return step(step, null);
    }

    /**
     * {@link #step(RfgStep)} with local guides computed from the compiled graph before the estimate
     * (local-guided RFG, docs/design.md section 3); {@code guides} may be null for the other kinds.
     */
    Gradient step(RfgStep step, Function<ForwardGraph, LocalGuide> guides) {
        if (graph == null || graphParams != step.params()) {
            graph = step.compile().get();
            graphParams = step.params();
        }
        LocalGuide guide = guides == null ? null : guides.apply(graph);
        last = estimate(estimator, graph, step.params(), step.inputs(), step.labels(), step.networkSeed(),
                step.iteration(), guide);
        return publish(last.gradient(), step.flattenedGradients(), step.layers(), step.naming());
    }

    private static ForwardGradientEstimator.Estimate estimate(ForwardGradientEstimator estimator, ForwardGraph graph,
                                                      INDArray params, INDArray[] inputs, INDArray[] labels,
                                                      long seed, long iteration,
                                                      LocalGuide guide) {
        if (inputs == null || labels == null) {
            throw new IllegalStateException("RFG needs inputs and labels set before computing a gradient");
        }
        int k = estimator.layout(graph).count();
        List<Value> in = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            INDArray x = inputs[i];
            if (x.rank() != 2) {
                throw new IllegalArgumentException("RFG input " + i + " must be [batch, features], got rank " + x.rank());
            }
            in.add(Value.constant((int) x.size(0), (int) x.size(1),
                    NdArrays.toFiniteDoubles(x, "input " + i + " at iteration " + iteration), k));
        }
        List<double[]> lab = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            lab.add(NdArrays.toFiniteDoubles(labels[i], "labels " + i + " at iteration " + iteration));
        }
        return estimator.estimate(graph, NdArrays.toDoubles(params), in, lab, seed, iteration, guide);
    }

    /** Copies the estimate into DL4J's flat gradient array and builds the per-parameter gradient map. */
    private static Gradient publish(double[] estimate, INDArray flattenedGradients, Layer[] layers,
                                    RfgStep.GradientNaming naming) {
        flattenedGradients.assign(Nd4j.create(estimate, flattenedGradients.shape(), 'c')
                .castTo(flattenedGradients.dataType()));
        Gradient gradient = new DefaultGradient(flattenedGradients);
        for (Layer layer : layers) {
            if (layer.numParams() == 0 || layer instanceof FrozenLayer) {
                // a frozen layer keeps no gradient view (DL4J's FrozenLayer ignores it); its estimate is 0
                continue;
            }
            Map<String, INDArray> views = layer.conf().getLayer().initializer()
                    .getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
            String prefix = naming == RfgStep.GradientNaming.LAYER_NAME ? layer.conf().getLayer().getLayerName() : String.valueOf(layer.getIndex());
            for (Map.Entry<String, INDArray> e : views.entrySet()) {
                gradient.gradientForVariable().put(prefix + "_" + e.getKey(), e.getValue());
            }
        }
        return gradient;
    }
}
