package org.dl4jsnn.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.dl4jsnn.init.FanInUniformBiases;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link FanInUniformBiases} for operator networks, with the per-function DeepONet drawing its pair twin's
 * biases (docs/design.md section 4).
 *
 * <p>{@code FanInUniformBiases} seeds each layer's draw by the layer's index in the graph. DL4J numbers the
 * network inputs first, so the per-function layout's extra index input moves every layer up by one, and the
 * same seed would give other biases than the per-pair network's. Here such a network gets its biases drawn
 * on its per-pair twin (the same configuration without the index) and copied by layer name, so a seed gives
 * the same network in both layouts.
 */
public final class OperatorBiases {

    private OperatorBiases() {
    }

    /**
     * Draws the fan-in-uniform biases of a freshly initialised network in place.
     *
     * @return how many layers got new biases
     */
    public static int drawFanInUniform(ComputationGraph net) {
        ComputationGraphConfiguration conf = net.getConfiguration();
        if (!conf.getNetworkInputs().contains(BranchRows.FUNCTION_INDEX) || !isPerFunctionDeepOnet(conf)) {
            return FanInUniformBiases.draw(net);
        }
        if (net.params() == null) {
            throw new IllegalStateException("call init() on the network before drawing its biases");
        }
        ComputationGraph twin = new ComputationGraph(pairTwin(conf));
        twin.init();
        int drawn = FanInUniformBiases.draw(twin);
        for (Layer layer : twin.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            Map<String, INDArray> params = layer.paramTable();
            if (params.containsKey(DefaultParamInitializer.BIAS_KEY)) {
                net.getLayer(name).getParam(DefaultParamInitializer.BIAS_KEY)
                        .assign(params.get(DefaultParamInitializer.BIAS_KEY));
            }
        }
        return drawn;
    }

    private static boolean isPerFunctionDeepOnet(ComputationGraphConfiguration conf) {
        try {
            return BranchRows.of(conf) == BranchRows.PER_FUNCTION;
        } catch (IllegalArgumentException notADeepOnet) {
            return false;
        }
    }

    /** The configuration without the index input: the per-pair network, numbered as DL4J numbers it. */
    static ComputationGraphConfiguration pairTwin(ComputationGraphConfiguration conf) {
        ComputationGraphConfiguration twin = conf.clone();
        List<String> inputs = new ArrayList<>(twin.getNetworkInputs());
        inputs.remove(BranchRows.FUNCTION_INDEX);
        twin.setNetworkInputs(inputs);
        for (Map.Entry<String, List<String>> e : twin.getVertexInputs().entrySet()) {
            if (e.getValue().contains(BranchRows.FUNCTION_INDEX)) {
                List<String> in = new ArrayList<>(e.getValue());
                in.remove(BranchRows.FUNCTION_INDEX);
                e.setValue(in);
            }
        }
        twin.setTopologicalOrder(null);
        twin.setTopologicalOrderStr(null);
        return twin;
    }
}
