package org.dl4jsnn.export;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.dl4jsnn.operator.conf.DeepOnetProduct;
import org.dl4jsnn.operator.conf.SepOnetProduct;

/**
 * How the host combines the separately exported nets of an operator network (docs/design.md section 4):
 * <ul>
 *   <li>DeepONet: u = w sum_k branch_k trunk_k + b (w and b of the 1-to-1 output layer);</li>
 *   <li>SepONet: u(x_i, t_j) = w sum_k branch_k x_k(x_i) t_k(t_j) + b on an nx x nt grid.</li>
 * </ul>
 * A plain spiking MLP has kind {@link Kind#MLP} and one part.
 *
 * @param parts readout layer names of the nets, in the product's input order
 */
public record OperatorCombination(Kind kind, List<String> parts, double outputWeight, double outputBias, int nx,
                                  int nt) {

    public enum Kind { MLP, DEEPONET, SEPONET }

    public OperatorCombination {
        parts = List.copyOf(parts);
    }

    /** Reads the combination from the graph's first output. */
    public static OperatorCombination of(ComputationGraph graph) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        String output = conf.getNetworkOutputs().get(0);
        List<String> in = conf.getVertexInputs().get(output);
        GraphVertex product = in == null || in.size() != 1 ? null : conf.getVertices().get(in.get(0));
        if (product instanceof DeepOnetProduct || product instanceof SepOnetProduct) {
            double w = 1;
            double b = 0;
            if (conf.getVertices().get(output) instanceof LayerVertex lv && lv.getLayerConf().getLayer() instanceof BaseLayer
                    && graph.getLayer(output).numParams() > 0) {
                w = graph.getLayer(output).getParam(DefaultParamInitializer.WEIGHT_KEY).getDouble(0);
                b = graph.getLayer(output).getParam(DefaultParamInitializer.BIAS_KEY).getDouble(0);
            }
            List<String> parts = conf.getVertexInputs().get(in.get(0));
            if (product instanceof SepOnetProduct sep) {
                return new OperatorCombination(Kind.SEPONET, parts, w, b, sep.getNx(), sep.getNt());
            }
            // a per-function DeepONet's third input is the pair-to-function index: data the host applies, no net
            return new OperatorCombination(Kind.DEEPONET, parts.subList(0, 2), w, b, 0, 0);
        }
        return new OperatorCombination(Kind.MLP, List.of(output), 1, 0, 0, 0);
    }

    /** The formula the manifest states. */
    public String formula() {
        return switch (kind) {
            case MLP -> "u = " + parts.get(0);
            case DEEPONET -> "u = outputWeight * sum_k " + parts.get(0) + "_k * " + parts.get(1) + "_k + outputBias";
            case SEPONET -> "u(x_i, t_j) = outputWeight * sum_k " + parts.get(0) + "_k * " + parts.get(1) + "_k(x_i) * "
                    + parts.get(2) + "_k(t_j) + outputBias, on an nx x nt grid (column i * nt + j)";
        };
    }
}
