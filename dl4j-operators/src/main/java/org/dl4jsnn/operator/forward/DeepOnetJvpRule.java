package org.dl4jsnn.operator.forward;

import java.util.List;
import org.dl4jsnn.forward.InputRowTangents;
import org.dl4jsnn.forward.ParamTangents;
import org.dl4jsnn.forward.StaticJvpRule;
import org.dl4jsnn.forward.Value;
import org.dl4jsnn.operator.math.FunctionIndex;

/**
 * The DeepONet product's forward-mode rule: inputs (branch, trunk) with a branch row per pair, or (branch,
 * trunk, function index) with a branch row per function that the index gathers for each pair. Output pair n
 * reads trunk row n and branch row index[n] (row n without an index), so a branch row's share of the
 * per-pair tangents is the sum over the pairs whose index is that row (activity perturbation's per-row
 * tangents, docs/design.md section 3).
 */
final class DeepOnetJvpRule implements StaticJvpRule, InputRowTangents {

    @Override
    public Value apply(List<Value> in, ParamTangents params) {
        return in.size() == 3 ? OperatorJvpRules.deepOnet(OperatorJvpRules.gather(in.get(0), in.get(2)), in.get(1))
                : OperatorJvpRules.deepOnet(in.get(0), in.get(1));
    }

    @Override
    public double[][] inputRowTangents(List<Value> inputs, double[] elementTangents) {
        int pairs = inputs.get(1).rows();
        if (elementTangents.length != pairs) {
            throw new IllegalArgumentException("expected one tangent per pair (" + pairs + "), got "
                    + elementTangents.length);
        }
        if (inputs.size() == 2) {
            return new double[][] {elementTangents.clone(), elementTangents.clone()};
        }
        int[] fn = FunctionIndex.of(inputs.get(2).primal(), inputs.get(0).rows());
        double[] branch = new double[inputs.get(0).rows()];
        for (int n = 0; n < pairs; n++) {
            branch[fn[n]] += elementTangents[n];
        }
        return new double[][] {branch, elementTangents.clone(), null};
    }
}
