package org.dl4jsnn.forward;

/**
 * DL4J's MSE (LossMSE): per example (1/n) sum_o (y - y*)^2. Returns the loss summed over the minibatch
 * (DL4J's gradients are of the sum; the score is its mean) and its directional derivatives
 * Ldot_k = sum (2/n)(y - y*) ydot_k.
 */
public final class MseLossJvp {

    private MseLossJvp() {
    }

    /** @return [loss, Ldot_0, ..., Ldot_{K-1}] */
    public static double[] sumLoss(Value y, double[] labels) {
        if (labels.length != y.primal().length) {
            throw new IllegalArgumentException("labels have " + labels.length + " values but the output has "
                    + y.rows() + "x" + y.cols());
        }
        int n = y.cols();
        double[] out = new double[1 + y.directions()];
        double[] p = y.primal();
        for (int e = 0; e < p.length; e++) {
            double diff = p[e] - labels[e];
            out[0] += diff * diff / n;
        }
        for (int k = 0; k < y.directions(); k++) {
            double[] t = y.tangents()[k];
            if (t == null) {
                continue;
            }
            double acc = 0;
            for (int e = 0; e < p.length; e++) {
                acc += (p[e] - labels[e]) * t[e];
            }
            out[1 + k] = 2.0 * acc / n;
        }
        return out;
    }

    /**
     * The per-element directional derivatives (2/n)(y_e - y*_e) ydot_{k,e} along direction k, laid out like y
     * (zero where ydot_k is): summed over a row, an example's own loss tangent; activity perturbation sums
     * them over the elements each perturbed row feeds (docs/design.md section 3).
     */
    public static double[] elementTangents(Value y, double[] labels, int k) {
        if (labels.length != y.primal().length) {
            throw new IllegalArgumentException("labels have " + labels.length + " values but the output has "
                    + y.rows() + "x" + y.cols());
        }
        double[] p = y.primal();
        double[] out = new double[p.length];
        double[] t = y.tangents()[k];
        if (t == null) {
            return out;
        }
        double scale = 2.0 / y.cols();
        for (int e = 0; e < p.length; e++) {
            out[e] = scale * (p[e] - labels[e]) * t[e];
        }
        return out;
    }
}
