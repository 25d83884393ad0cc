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
            return Optional.of(new SepOnetJvpRule());
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
}
