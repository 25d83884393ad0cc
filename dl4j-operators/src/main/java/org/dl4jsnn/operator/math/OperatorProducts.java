package org.dl4jsnn.operator.math;

import org.dl4jsnn.kernel.DenseProducts;

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
     * DeepONet with its branch evaluated once per distinct function: out[n] = sum_k b[fn[n]][k] t[n][k]
     * (b: [functions, p], t: [rows, p], fn: each row's function row, checked by the caller).
     */
    public static double[] gatherDot(double[] b, int[] fn, double[] t, int rows, int p) {
        double[] out = new double[rows];
        for (int n = 0; n < rows; n++) {
            double acc = 0;
            for (int k = 0, bo = fn[n] * p, o = n * p; k < p; k++) {
                acc += b[bo + k] * t[o + k];
            }
            out[n] = acc;
        }
        return out;
    }

    /** The branch rows each pair uses, as [rows, p]: b[fn[n]] for every row n. */
    public static double[] gatherRows(double[] b, int[] fn, int rows, int p) {
        double[] out = new double[rows * p];
        for (int n = 0; n < rows; n++) {
            System.arraycopy(b, fn[n] * p, out, n * p, p);
        }
        return out;
    }

    /**
     * Back-propagation of {@link #gatherDot} to the branch: dL/db[f][k] = sum over the rows n of function f
     * of eps[n] t[n][k] (the adjoint of a gather is a scatter-add), summed in row order.
     */
    public static double[] scatterDotAdjoint(double[] eps, double[] t, int[] fn, int functions, int rows, int p) {
        double[] out = new double[functions * p];
        for (int n = 0; n < rows; n++) {
            double e = eps[n];
            for (int k = 0, bo = fn[n] * p, o = n * p; k < p; k++) {
                out[bo + k] += e * t[o + k];
            }
        }
        return out;
    }

    /** Back-propagation of {@link #gatherDot} to the trunk: dL/dt[n][k] = eps[n] b[fn[n]][k]. */
    public static double[] gatherDotAdjoint(double[] eps, double[] b, int[] fn, int rows, int p) {
        double[] out = new double[rows * p];
        for (int n = 0; n < rows; n++) {
            double e = eps[n];
            for (int k = 0, bo = fn[n] * p, o = n * p; k < p; k++) {
                out[o + k] = e * b[bo + k];
            }
        }
        return out;
    }

    /**
     * SepONet: out[b][i nt + j] = sum_k br[b][k] x[i][k] t[j][k] for a whole nx x nt grid from nx + nt
     * trunk evaluations (br: [nb, r], x: [nx, r], t: [nt, r]).
     *
     * <p>Evaluated as one matrix product {@code (br * x) t^T} by {@link DenseProducts#columns}, grid rows
     * innermost: a SIMD vector of a grid row stays in a register over the r ranks, where a dot product over
     * the rank (16) per grid point would not vectorize.
     */
    public static double[] outer(double[] br, double[] x, double[] t, int nb, int nx, int nt, int r) {
        double[] out = new double[nb * nx * nt];
        DenseProducts.columns(rankProducts(br, x, nb, nx, r), 0, nb * nx, r, DenseProducts.transpose(t, 0, nt, r), 0, nt, null, 0,
                out, 0, false);
        return out;
    }

    /**
     * Product rule over the three factors; null tangents are zero. Computed as
     * {@code (brDot * x + br * xDot) t^T + (br * x) tDot^T}: at most two rank-r products,
     * instead of one full product per nonzero tangent.
     */
    public static double[] outerTangent(double[] br, double[] brDot, double[] x, double[] xDot, double[] t,
                                        double[] tDot, int nb, int nx, int nt, int r) {
        int rows = nb * nx;
        double[] out = new double[rows * nt];
        boolean first = brDot != null || xDot != null;
        if (first) {
            double[] a = new double[rows * r];
            if (brDot != null) {
                addRankProducts(brDot, x, nb, nx, r, a);
            }
            if (xDot != null) {
                addRankProducts(br, xDot, nb, nx, r, a);
            }
            DenseProducts.columns(a, 0, rows, r, DenseProducts.transpose(t, 0, nt, r), 0, nt, null, 0, out, 0, false);
        }
        if (tDot != null) {
            DenseProducts.columns(rankProducts(br, x, nb, nx, r), 0, rows, r, DenseProducts.transpose(tDot, 0, nt, r), 0, nt, null, 0,
                    out, 0, first);
        }
        return out;
    }

    /**
     * Back-propagation of outer: the gradients for br, x and t, in that order. With E the errors as
     * [nb nx][nt] and P = br * x as [nb nx][r]: {@code M = E t} gives {@code dbr[b][k] = sum_i x[i][k] M[b i][k]}
     * and {@code dx[i][k] = sum_b br[b][k] M[b i][k]}, and {@code dt = E^T P}. Both products run on
     * {@link DenseProducts}' SIMD kernels (the scalar loop over the grid row they replace was the largest
     * part of a SepONet iteration, BP and RFG alike).
     */
    public static double[][] outerAdjoint(double[] eps, double[] br, double[] x, double[] t, int nb, int nx, int nt,
                                          int r) {
        int rows = nb * nx;
        double[] m = new double[rows * r];
        // ranks innermost: a vector of ranks accumulates over the grid row, no lane sums per element of M
        DenseProducts.columns(eps, 0, rows, nt, t, 0, r, null, 0, m, 0, false);
        double[] dBr = new double[nb * r];
        double[] dX = new double[nx * r];
        for (int b = 0; b < nb; b++) {
            for (int i = 0; i < nx; i++) {
                int mo = (b * nx + i) * r;
                for (int k = 0; k < r; k++) {
                    dBr[b * r + k] += x[i * r + k] * m[mo + k];
                    dX[i * r + k] += br[b * r + k] * m[mo + k];
                }
            }
        }
        double[] dT = new double[nt * r];
        DenseProducts.columns(DenseProducts.transpose(eps, 0, rows, nt), 0, nt, rows, rankProducts(br, x, nb, nx, r), 0, r, null, 0,
                dT, 0, false);
        return new double[][] {dBr, dX, dT};
    }

    /** P[b nx + i][k] = br[b][k] x[i][k]: the grid row (b, i)'s coefficients on the t-trunk's ranks. */
    private static double[] rankProducts(double[] br, double[] x, int nb, int nx, int r) {
        double[] p = new double[nb * nx * r];
        addRankProducts(br, x, nb, nx, r, p);
        return p;
    }

    private static void addRankProducts(double[] br, double[] x, int nb, int nx, int r, double[] into) {
        for (int b = 0; b < nb; b++) {
            for (int i = 0; i < nx; i++) {
                int o = (b * nx + i) * r;
                for (int k = 0; k < r; k++) {
                    into[o + k] += br[b * r + k] * x[i * r + k];
                }
            }
        }
    }

    /**
     * {@link #outer} for a FLOAT network, in float: the same products on {@link DenseProducts}' float kernels
     * (twice the SIMD lanes), as the network's spiking layers run theirs.
     */
    public static float[] outer(float[] br, float[] x, float[] t, int nb, int nx, int nt, int r) {
        float[] out = new float[nb * nx * nt];
        DenseProducts.columns(rankProducts(br, x, nb, nx, r), 0, nb * nx, r, DenseProducts.transpose(t, 0, nt, r), 0,
                nt, null, 0, out, 0, false);
        return out;
    }

    /** {@link #outerAdjoint} for a FLOAT network, in float (see {@link #outer(float[], float[], float[], int, int, int, int)}). */
    public static float[][] outerAdjoint(float[] eps, float[] br, float[] x, float[] t, int nb, int nx, int nt,
                                         int r) {
        int rows = nb * nx;
        float[] m = new float[rows * r];
        DenseProducts.columns(eps, 0, rows, nt, t, 0, r, null, 0, m, 0, false);
        float[] dBr = new float[nb * r];
        float[] dX = new float[nx * r];
        for (int b = 0; b < nb; b++) {
            for (int i = 0; i < nx; i++) {
                int mo = (b * nx + i) * r;
                for (int k = 0; k < r; k++) {
                    dBr[b * r + k] += x[i * r + k] * m[mo + k];
                    dX[i * r + k] += br[b * r + k] * m[mo + k];
                }
            }
        }
        float[] dT = new float[nt * r];
        DenseProducts.columns(DenseProducts.transpose(eps, 0, rows, nt), 0, nt, rows, rankProducts(br, x, nb, nx, r),
                0, r, null, 0, dT, 0, false);
        return new float[][] {dBr, dX, dT};
    }

    private static float[] rankProducts(float[] br, float[] x, int nb, int nx, int r) {
        float[] p = new float[nb * nx * r];
        for (int b = 0; b < nb; b++) {
            for (int i = 0; i < nx; i++) {
                int o = (b * nx + i) * r;
                for (int k = 0; k < r; k++) {
                    p[o + k] = br[b * r + k] * x[i * r + k];
                }
            }
        }
        return p;
    }

    /** [rows][cols] row-major to [cols][rows]. */
    private static void add(double[] into, double[] x) {
        for (int e = 0; e < into.length; e++) {
            into[e] += x[e];
        }
    }
}
