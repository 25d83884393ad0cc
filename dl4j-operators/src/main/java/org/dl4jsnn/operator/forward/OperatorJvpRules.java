package org.dl4jsnn.operator.forward;

import java.util.Optional;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.dl4jsnn.forward.JvpRuleProvider;
import org.dl4jsnn.forward.StaticJvpRule;
import org.dl4jsnn.forward.Value;
import org.dl4jsnn.operator.math.FunctionIndex;
import org.dl4jsnn.operator.math.OperatorProducts;
import org.dl4jsnn.operator.vertex.DeepOnetProductVertex;
import org.dl4jsnn.operator.vertex.SepOnetProductVertex;

/** Forward-mode rules for the operator networks' combination vertices (registered via ServiceLoader). */
public final class OperatorJvpRules implements JvpRuleProvider {

    @Override
    public Optional<StaticJvpRule> ruleFor(GraphVertex vertex) {
        if (vertex instanceof DeepOnetProductVertex) {
            return Optional.of(new DeepOnetJvpRule());
        }
        if (vertex instanceof SepOnetProductVertex) {
            return Optional.of(new SepOnetJvpRule());
        }
        return Optional.empty();
    }

    /**
     * The branch's rows as the pairs use them: row n is function row index[n], primal and tangents alike (the
     * forward image of the vertex's gather; the index is data and carries no tangent).
     */
    static Value gather(Value b, Value index) {
        if (index.cols() != 1) {
            throw new IllegalArgumentException("DeepOnetProduct: the function index must be a column [pairs, 1], got "
                    + index.rows() + " x " + index.cols());
        }
        int rows = index.rows();
        int p = b.cols();
        int[] fn = FunctionIndex.of(index.primal(), b.rows());
        double[][] tangents = new double[b.directions()][];
        for (int k = 0; k < tangents.length; k++) {
            if (b.hasTangent(k)) {
                tangents[k] = OperatorProducts.gatherRows(b.tangents()[k], fn, rows, p);
            }
        }
        return new Value(rows, p, OperatorProducts.gatherRows(b.primal(), fn, rows, p), tangents);
    }

    static Value deepOnet(Value b, Value t) {
        int rows = b.rows();
        int p = b.cols();
        double[][] tangents = new double[b.directions()][];
        for (int k = 0; k < tangents.length; k++) {
            if (b.hasTangent(k) || t.hasTangent(k)) {
                tangents[k] = OperatorProducts.dotTangent(b.primal(), b.tangents()[k], t.primal(), t.tangents()[k],
                        rows, p);
            }
        }
        return new Value(rows, 1, OperatorProducts.dot(b.primal(), t.primal(), rows, p), tangents);
    }
}
