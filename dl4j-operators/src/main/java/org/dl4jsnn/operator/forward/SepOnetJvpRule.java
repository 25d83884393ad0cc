package org.dl4jsnn.operator.forward;

import java.util.List;
import org.dl4jsnn.forward.ContractingJvpRule;
import org.dl4jsnn.forward.ParamTangents;
import org.dl4jsnn.forward.Value;
import org.dl4jsnn.operator.math.OperatorProducts;

/**
 * The SepONet product's forward-mode rule (inputs: branch, x-trunk, t-trunk outputs). Under its MSE loss
 * the sweep contracts instead of building the grid tangents: with (g_br, g_x, g_t) the back-propagated
 * gradients of sum w.u, the product rule gives sum w.udot_k = g_br.brdot_k + g_x.xdot_k + g_t.tdot_k, one
 * adjoint for all directions where building udot_k costs a grid product per direction.
 */
final class SepOnetJvpRule implements ContractingJvpRule {

    @Override
    public Value apply(List<Value> inputs, ParamTangents params) {
        Value b = inputs.get(0);
        Value x = inputs.get(1);
        Value t = inputs.get(2);
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

    @Override
    public Value primal(List<Value> inputs, ParamTangents params) {
        Value b = inputs.get(0);
        Value x = inputs.get(1);
        Value t = inputs.get(2);
        return Value.constant(b.rows(), x.rows() * t.rows(), OperatorProducts.outer(b.primal(), x.primal(),
                t.primal(), b.rows(), x.rows(), t.rows(), b.cols()), b.directions());
    }

    @Override
    public double[] contract(List<Value> inputs, ParamTangents params, double[] weights) {
        Value b = inputs.get(0);
        Value x = inputs.get(1);
        Value t = inputs.get(2);
        double[] out = new double[b.directions()];
        boolean any = false;
        for (int k = 0; k < out.length; k++) {
            any |= b.hasTangent(k) || x.hasTangent(k) || t.hasTangent(k);
        }
        if (!any) {
            return out;
        }
        double[][] g = OperatorProducts.outerAdjoint(weights, b.primal(), x.primal(), t.primal(), b.rows(), x.rows(),
                t.rows(), b.cols());
        for (int k = 0; k < out.length; k++) {
            out[k] = dot(g[0], b.tangents()[k]) + dot(g[1], x.tangents()[k]) + dot(g[2], t.tangents()[k]);
        }
        return out;
    }

    private static double dot(double[] g, double[] tangent) {
        if (tangent == null) {
            return 0;
        }
        double acc = 0;
        for (int e = 0; e < g.length; e++) {
            acc += g[e] * tangent[e];
        }
        return acc;
    }
}
