package org.dl4jsnn.operator.forward;

import java.util.Optional;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.dl4jsnn.forward.JvpRuleProvider;
import org.dl4jsnn.forward.StaticJvpRule;
import org.dl4jsnn.forward.Value;
import org.dl4jsnn.operator.math.OperatorProducts;
import org.dl4jsnn.operator.vertex.DeepOnetProductVertex;
import org.dl4jsnn.operator.vertex.SepOnetProductVertex;

/** Forward-mode rules for the operator networks' combination vertices (registered via ServiceLoader). */
public final class OperatorJvpRules implements JvpRuleProvider {

    @Override
    public Optional<StaticJvpRule> ruleFor(GraphVertex vertex) {
        if (vertex instanceof DeepOnetProductVertex) {
            return Optional.of((in, params) -> deepOnet(in.get(0), in.get(1)));
        }
        if (vertex instanceof SepOnetProductVertex) {
            return Optional.of((in, params) -> sepOnet(in.get(0), in.get(1), in.get(2)));
        }
        return Optional.empty();
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

    static Value sepOnet(Value b, Value x, Value t) {
        int nb = b.rows();
        int nx = x.rows();
        int nt = t.rows();
        int r = b.cols();
        double[][] tangents = new double[b.directions()][];
        for (int k = 0; k < tangents.length; k++) {
            if (b.hasTangent(k) || x.hasTangent(k) || t.hasTangent(k)) {
                tangents[k] = OperatorProducts.outerTangent(b.primal(), b.tangents()[k], x.primal(), x.tangents()[k],
                        t.primal(), t.tangents()[k], nb, nx, nt, r);
            }
        }
        return new Value(nb, nx * nt, OperatorProducts.outer(b.primal(), x.primal(), t.primal(), nb, nx, nt, r),
                tangents);
    }
}
