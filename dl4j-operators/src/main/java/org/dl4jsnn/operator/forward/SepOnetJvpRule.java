package org.dl4jsnn.operator.forward;

import java.util.List;
import org.dl4jsnn.forward.ContractingJvpRule;
import org.dl4jsnn.forward.InputRowTangents;
import org.dl4jsnn.forward.ParamTangents;
import org.dl4jsnn.forward.Value;
import org.dl4jsnn.operator.math.OperatorProducts;

/**
 * The SepONet product's forward-mode rule (inputs: branch, x-trunk, t-trunk outputs). Under its MSE loss
 * the sweep contracts instead of building the grid tangents: with (g_br, g_x, g_t) the back-propagated
 * gradients of sum w.u, the product rule gives sum w.udot_k = g_br.brdot_k + g_x.xdot_k + g_t.tdot_k, one
 * adjoint for all directions where building udot_k costs a grid product per direction.
 *
 * <p>Element (f, i, j) of the grid reads branch row f, x-trunk row i and t-trunk row j, so a row's share
 * of per-element tangents is their sum over the other two axes (activity perturbation's per-row tangents,
 * docs/design.md section 3).
 */
final class SepOnetJvpRule implements ContractingJvpRule, InputRowTangents {

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

    @Override
    public double[][] inputRowTangents(List<Value> inputs, double[] elementTangents) {
        int nb = inputs.get(0).rows();
        int nx = inputs.get(1).rows();
        int nt = inputs.get(2).rows();
        if (elementTangents.length != nb * nx * nt) {
            throw new IllegalArgumentException("expected " + nb + " x " + nx + " x " + nt
                    + " element tangents, got " + elementTangents.length);
        }
        double[] branch = new double[nb];
        double[] x = new double[nx];
        double[] t = new double[nt];
        for (int f = 0; f < nb; f++) {
            for (int i = 0; i < nx; i++) {
                int row = (f * nx + i) * nt;
                double sum = 0;
                for (int j = 0; j < nt; j++) {
                    double e = elementTangents[row + j];
                    sum += e;
                    t[j] += e;
                }
                branch[f] += sum;
                x[i] += sum;
            }
        }
        return new double[][] {branch, x, t};
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
