package org.dl4jsnn.forward;

import java.util.List;

/**
 * A static rule that can leave its output's tangents unbuilt when an MSE loss consumes that output
 * directly. The loss needs only {@code sum_e w_e ydot_{k,e}} per direction, with w = dL/dy; a rule
 * whose output is much larger than its inputs (a SepONet's grid from three rank-r factors) gets those
 * numbers from one vector-Jacobian product of w, shared by all directions, instead of building
 * ydot_k for every direction k.
 */
public interface ContractingJvpRule extends StaticJvpRule {

    /** The output's primal, as {@link #apply} gives it, with every tangent null. */
    Value primal(List<Value> inputs, ParamTangents params);

    /**
     * For every direction k, {@code sum_e weights[e] ydot_k[e]} with ydot_k the tangent {@link #apply} would
     * give (0 where it would be null). {@code weights} is laid out like the output's primal.
     */
    double[] contract(List<Value> inputs, ParamTangents params, double[] weights);
}
