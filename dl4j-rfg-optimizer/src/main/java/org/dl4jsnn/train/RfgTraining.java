package org.dl4jsnn.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.dl4jsnn.estimator.ForwardGradientEstimator;
import org.dl4jsnn.forward.ForwardGraph;
import org.dl4jsnn.forward.Value;
import org.dl4jsnn.layer.NdArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the RFG networks share: turn the network's current minibatch into an estimate and write it where
 * DL4J's updater expects a back-propagated gradient (the flat gradient array and per-parameter views).
 */
final class RfgTraining {

    private final ForwardGradientEstimator estimator;
    private ForwardGraph graph;
    private INDArray graphParams;
    private ForwardGradientEstimator.Estimate last;

    RfgTraining(org.dl4jsnn.estimator.RfgSettings settings) {
        this.estimator = new ForwardGradientEstimator(settings);
    }

    org.dl4jsnn.estimator.RfgSettings settings() {
        return estimator.settings();
    }

    ForwardGradientEstimator.Estimate last() {
        return last;
    }

    /**
     * Estimates the gradient of the current minibatch and publishes it as DL4J's gradient.
     *
     * @param compile    builds the forward graph (again only when the parameter array was replaced)
     * @param graphNames DL4J names gradients "vertex_W" in graphs and "index_W" in MultiLayerNetworks
     */
    Gradient step(java.util.function.Supplier<ForwardGraph> compile, INDArray params, INDArray flattenedGradients,
                  Layer[] layers, boolean graphNames, INDArray[] inputs, INDArray[] labels, long seed,
                  long iteration) {
        if (graph == null || graphParams != params) {
            graph = compile.get();
            graphParams = params;
        }
        last = estimate(estimator, graph, params, inputs, labels, seed, iteration);
        return publish(last.gradient(), flattenedGradients, layers, graphNames);
    }

    private static ForwardGradientEstimator.Estimate estimate(ForwardGradientEstimator estimator, ForwardGraph graph,
                                                      INDArray params, INDArray[] inputs, INDArray[] labels,
                                                      long seed, long iteration) {
        if (inputs == null || labels == null) {
            throw new IllegalStateException("RFG needs inputs and labels set before computing a gradient");
        }
        int k = estimator.tangentCount(graph);
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
        return estimator.estimate(graph, NdArrays.toDoubles(params), in, lab, seed, iteration);
    }

    /** Copies the estimate into DL4J's flat gradient array and builds the per-parameter gradient map. */
    private static Gradient publish(double[] estimate, INDArray flattenedGradients, Layer[] layers, boolean graphNames) {
        flattenedGradients.assign(org.nd4j.linalg.factory.Nd4j.create(estimate, flattenedGradients.shape(), 'c')
                .castTo(flattenedGradients.dataType()));
        Gradient gradient = new DefaultGradient(flattenedGradients);
        for (Layer layer : layers) {
            if (layer.numParams() == 0) {
                continue;
            }
            Map<String, INDArray> views = layer.conf().getLayer().initializer()
                    .getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
            String prefix = graphNames ? layer.conf().getLayer().getLayerName() : String.valueOf(layer.getIndex());
            for (Map.Entry<String, INDArray> e : views.entrySet()) {
                gradient.gradientForVariable().put(prefix + "_" + e.getKey(), e.getValue());
            }
        }
        return gradient;
    }
}
