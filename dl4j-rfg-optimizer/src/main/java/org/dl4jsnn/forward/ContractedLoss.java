package org.dl4jsnn.forward;

import java.util.List;
import org.dl4jsnn.forward.ForwardGraph.CustomNode;
import org.dl4jsnn.forward.ForwardGraph.LossNode;
import org.dl4jsnn.forward.ForwardGraph.Node;
import org.dl4jsnn.forward.ForwardGraph.Phase;

/**
 * The MSE loss of a {@link ContractingJvpRule}'s output, with its directional derivatives taken by
 * contraction: the SepONet's 20 x 101 x 101 tangent grids cost more than the rest of an RFG-L iteration
 * (JFR: the grid products 30% of the samples), and the loss needs only their dot product with the residual.
 */
final class ContractedLoss {

    private ContractedLoss() {
    }

    /**
     * The readout nodes whose tangents are left to contraction: a custom node with a contracting rule
     * whose only consumer is an identity MSE {@link LossNode} (so nothing else reads its tangents).
     */
    static boolean[] plan(ForwardGraph graph) {
        List<Node> nodes = graph.nodes();
        int[] consumers = new int[nodes.size()];
        for (Node node : nodes) {
            for (int in : node.inputs()) {
                consumers[in]++;
            }
        }
        boolean[] deferred = new boolean[nodes.size()];
        for (int n = 0; n < nodes.size(); n++) {
            if (nodes.get(n) instanceof LossNode l && l.activation() == ActivationJvp.IDENTITY && l.labelIndex() >= 0
                    && graph.phase(n) == Phase.READOUT) {
                int src = l.inputs()[0];
                deferred[src] = consumers[src] == 1 && graph.phase(src) == Phase.READOUT
                        && nodes.get(src) instanceof CustomNode c && c.rule() instanceof ContractingJvpRule;
            }
        }
        return deferred;
    }

    /**
     * [loss, Ldot_0, ..., Ldot_{K-1}] as {@link MseLossJvp#sumLoss} defines them, for output {@code y} (its
     * tangents unbuilt) of {@code rule} applied to {@code inputs}: Ldot_k = sum_e (2/n)(y_e - y*_e) ydot_{k,e}.
     */
    static double[] sumLoss(Value y, double[] labels, ContractingJvpRule rule, List<Value> inputs,
                            ParamTangents params) {
        if (labels.length != y.primal().length) {
            throw new IllegalArgumentException("labels have " + labels.length + " values but the output has "
                    + y.rows() + "x" + y.cols());
        }
        int n = y.cols();
        double[] p = y.primal();
        double[] w = new double[p.length];
        double loss = 0;
        for (int e = 0; e < p.length; e++) {
            double diff = p[e] - labels[e];
            loss += diff * diff / n;
            w[e] = 2.0 * diff / n;
        }
        double[] tangents = rule.contract(inputs, params, w);
        double[] out = new double[1 + tangents.length];
        out[0] = loss;
        System.arraycopy(tangents, 0, out, 1, tangents.length);
        return out;
    }
}
