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
     * The per-example directional derivatives Ldot_{k,b} = (2/n) sum_o (y_bo - y*_bo) ydot_{k,bo} of the rows
     * k with {@code wanted[k]} (others null): activity perturbation weights each example's estimate by its own.
     */
    public static double[][] exampleTangents(Value y, double[] labels, boolean[] wanted) {
        if (labels.length != y.primal().length) {
            throw new IllegalArgumentException("labels have " + labels.length + " values but the output has "
                    + y.rows() + "x" + y.cols());
        }
        int n = y.cols();
        double[] p = y.primal();
        double[][] out = new double[y.directions()][];
        for (int k = 0; k < out.length; k++) {
            if (!wanted[k]) {
                continue;
            }
            out[k] = new double[y.rows()];
            double[] t = y.tangents()[k];
            if (t == null) {
                continue;
            }
            for (int b = 0; b < y.rows(); b++) {
                double acc = 0;
                for (int o = 0; o < n; o++) {
                    int e = b * n + o;
                    acc += (p[e] - labels[e]) * t[e];
                }
                out[k][b] = 2.0 * acc / n;
            }
        }
        return out;
    }
}
