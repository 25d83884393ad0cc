package org.dl4jsnn.operator.math;

/**
 * The products that combine branch and trunk outputs, with their derivatives, on row-major arrays.
 * Pure functions: the DL4J vertices (back-propagation) and the forward-mode rules both call them.
 */
public final class OperatorProducts {

    private OperatorProducts() {
    }

    /** DeepONet: out[n] = sum_k b[n][k] t[n][k] (b, t: [rows, p]). */
    public static double[] dot(double[] b, double[] t, int rows, int p) {
        double[] out = new double[rows];
        for (int n = 0; n < rows; n++) {
            double acc = 0;
            for (int k = 0, o = n * p; k < p; k++) {
                acc += b[o + k] * t[o + k];
            }
            out[n] = acc;
        }
        return out;
    }

    /** d(dot) = dot(bdot, t) + dot(b, tdot); either tangent may be null (zero). */
    public static double[] dotTangent(double[] b, double[] bdot, double[] t, double[] tdot, int rows, int p) {
        double[] out = new double[rows];
        if (bdot != null) {
            add(out, dot(bdot, t, rows, p));
        }
        if (tdot != null) {
            add(out, dot(b, tdot, rows, p));
        }
        return out;
    }

    /** Back-propagation of dot: dL/db[n][k] = eps[n] t[n][k] (and symmetrically for t). */
    public static double[] dotAdjoint(double[] eps, double[] other, int rows, int p) {
        double[] out = new double[rows * p];
        for (int n = 0; n < rows; n++) {
            for (int k = 0, o = n * p; k < p; k++) {
                out[o + k] = eps[n] * other[o + k];
            }
        }
        return out;
    }

    /**
     * SepONet: out[b][i nt + j] = sum_k br[b][k] x[i][k] t[j][k] for a whole nx x nt grid from nx + nt
     * trunk evaluations (br: [nb, r], x: [nx, r], t: [nt, r]).
     */
    public static double[] outer(double[] br, double[] x, double[] t, int nb, int nx, int nt, int r) {
        double[] out = new double[nb * nx * nt];
        double[] bx = new double[r];
        for (int b = 0; b < nb; b++) {
            for (int i = 0; i < nx; i++) {
                for (int k = 0; k < r; k++) {
                    bx[k] = br[b * r + k] * x[i * r + k];
                }
                int row = (b * nx + i) * nt;
                for (int j = 0; j < nt; j++) {
                    double acc = 0;
                    for (int k = 0, o = j * r; k < r; k++) {
                        acc += bx[k] * t[o + k];
                    }
                    out[row + j] = acc;
                }
            }
        }
        return out;
    }

    /** Product rule over the three factors; null tangents are zero. */
    public static double[] outerTangent(double[] br, double[] brDot, double[] x, double[] xDot, double[] t,
                                        double[] tDot, int nb, int nx, int nt, int r) {
        double[] out = new double[nb * nx * nt];
        if (brDot != null) {
            add(out, outer(brDot, x, t, nb, nx, nt, r));
        }
        if (xDot != null) {
            add(out, outer(br, xDot, t, nb, nx, nt, r));
        }
        if (tDot != null) {
            add(out, outer(br, x, tDot, nb, nx, nt, r));
        }
        return out;
    }

    /** Back-propagation of outer: the gradients for br, x and t, in that order. */
    public static double[][] outerAdjoint(double[] eps, double[] br, double[] x, double[] t, int nb, int nx, int nt,
                                          int r) {
        double[] dBr = new double[nb * r];
        double[] dX = new double[nx * r];
        double[] dT = new double[nt * r];
        for (int b = 0; b < nb; b++) {
            for (int i = 0; i < nx; i++) {
                int row = (b * nx + i) * nt;
                for (int j = 0; j < nt; j++) {
                    double e = eps[row + j];
                    if (e == 0) {
                        continue;
                    }
                    for (int k = 0; k < r; k++) {
                        double bk = br[b * r + k];
                        double xk = x[i * r + k];
                        double tk = t[j * r + k];
                        dBr[b * r + k] += e * xk * tk;
                        dX[i * r + k] += e * bk * tk;
                        dT[j * r + k] += e * bk * xk;
                    }
                }
            }
        }
        return new double[][] {dBr, dX, dT};
    }

    private static void add(double[] into, double[] x) {
        for (int e = 0; e < into.length; e++) {
            into[e] += x[e];
        }
    }
}
