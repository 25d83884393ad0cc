package org.dl4jsnn.kernel;

import java.util.Arrays;

/**
 * The matrix products of the dense connections, on plain row-major arrays.
 *
 * <p>Row layout ([rows][width], the forward sweep's): {@link #affine} and {@link #accumulateOuter} skip
 * zero inputs (spikes are mostly zero). Column layout ([width][batch], batch innermost, the layer
 * kernel's): {@link #columns} and {@link #accumulateDots} run their inner loops over the whole batch,
 * long contiguous loops the JIT vectorizes; an inner loop over the layer width (16 in the paper's nets) is
 * too short for it. Every output element sums its terms in a fixed order, whatever the caller's split of
 * the work, so results do not depend on how the work is divided.
 *
 * <p>The float overloads repeat the double loops with float arithmetic: Java has no generics over
 * primitives, and a loop over boxed or interface-accessed elements would cost more than the loop itself.
 * They are the leaves the layer's shared orchestration ({@code KernelPrecision}) calls in each precision.
 */
public final class DenseProducts {

    private DenseProducts() {
    }

    /**
     * out[oOff + r n + j] = (accumulate ? out[...] : 0) + bias[bOff + j] + sum_i x[xOff + r m + i] wT[i n + j],
     * for r in [0, rows), j in [0, n), with m inputs; the bias is added first and the inputs in order.
     *
     * @param bias null for none
     */
    public static void affine(double[] x, int xOff, int rows, int m, double[] wT, double[] bias, int bOff, int n,
                              double[] out, int oOff, boolean accumulate) {
        for (int r = 0; r < rows; r++) {
            int o = oOff + r * n;
            if (!accumulate) {
                if (bias == null) {
                    Arrays.fill(out, o, o + n, 0.0);
                } else {
                    System.arraycopy(bias, bOff, out, o, n);
                }
            } else if (bias != null) {
                for (int j = 0; j < n; j++) {
                    out[o + j] += bias[bOff + j];
                }
            }
            int xRow = xOff + r * m;
            for (int i = 0; i < m; i++) {
                double xi = x[xRow + i];
                if (xi == 0.0) {
                    continue;
                }
                int w = i * n;
                for (int j = 0; j < n; j++) {
                    out[o + j] += xi * wT[w + j];
                }
            }
        }
    }

    /**
     * out[i n + j] += sum_r x[xOff + r m + i] y[yOff + r n + j] for i in [0, m), j in [0, n), the rows r
     * in increasing order.
     */
    public static void accumulateOuter(double[] x, int xOff, int rows, int m, double[] y, int yOff, int n,
                                       double[] out) {
        for (int r = 0; r < rows; r++) {
            int xRow = xOff + r * m;
            int yRow = yOff + r * n;
            for (int i = 0; i < m; i++) {
                double xi = x[xRow + i];
                if (xi == 0.0) {
                    continue;
                }
                int o = i * n;
                for (int j = 0; j < n; j++) {
                    out[o + j] += xi * y[yRow + j];
                }
            }
        }
    }

    /**
     * out[oOff + r batch + b] (+)= bias[bOff + r] + sum_c a[aOff + r cols + c] x[xOff + c batch + b], for r
     * in [0, rows) and b in [0, batch): the product A X with X and the result stored batch-innermost. The
     * bias (0 if none) is added first, then the terms in increasing c, each a separate multiply and add, so
     * the SIMD and scalar versions agree bit for bit.
     *
     * @param bias       null for none
     * @param accumulate add to out instead of overwriting it
     */
    public static void columns(double[] a, int aOff, int rows, int cols, double[] x, int xOff, int batch,
                               double[] bias, int bOff, double[] out, int oOff, boolean accumulate) {
        if (VectorApi.available()) {
            DenseProductsSimd.columns(a, aOff, rows, cols, x, xOff, batch, bias, bOff, out, oOff, accumulate);
        } else {
            scalarColumns(a, aOff, rows, cols, x, xOff, batch, bias, bOff, out, oOff, accumulate);
        }
    }

    /** {@link #columns} without SIMD. */
    public static void scalarColumns(double[] a, int aOff, int rows, int cols, double[] x, int xOff, int batch,
                                     double[] bias, int bOff, double[] out, int oOff, boolean accumulate) {
        for (int r = 0; r < rows; r++) {
            int o = oOff + r * batch;
            double br = bias == null ? 0.0 : bias[bOff + r];
            if (!accumulate) {
                Arrays.fill(out, o, o + batch, br);
            } else {
                for (int b = 0; b < batch; b++) {
                    out[o + b] += br;
                }
            }
            for (int c = 0; c < cols; c++) {
                double arc = a[aOff + r * cols + c];
                int xr = xOff + c * batch;
                for (int b = 0; b < batch; b++) {
                    out[o + b] += x[xr + b] * arc;
                }
            }
        }
    }

    /**
     * out[r cols + c] += sum_b y[yOff + r batch + b] x[xOff + c batch + b]: the product Y X^T of two
     * batch-innermost blocks, added to out. The SIMD version sums in vector lanes and then across them,
     * the scalar one in order: they agree to rounding (relative 1e-15 on sums of a thousand terms).
     */
    public static void accumulateDots(double[] y, int yOff, int rows, double[] x, int xOff, int cols, int batch,
                                      double[] out) {
        if (VectorApi.available()) {
            DenseProductsSimd.accumulateDots(y, yOff, rows, x, xOff, cols, batch, out);
        } else {
            scalarAccumulateDots(y, yOff, rows, x, xOff, cols, batch, out);
        }
    }

    /** {@link #accumulateDots} without SIMD. */
    public static void scalarAccumulateDots(double[] y, int yOff, int rows, double[] x, int xOff, int cols,
                                            int batch, double[] out) {
        for (int r = 0; r < rows; r++) {
            int yr = yOff + r * batch;
            for (int c = 0; c < cols; c++) {
                int xr = xOff + c * batch;
                double sum = 0;
                for (int b = 0; b < batch; b++) {
                    sum += y[yr + b] * x[xr + b];
                }
                out[r * cols + c] += sum;
            }
        }
    }

    /** The transpose of a row-major [rows][cols] block starting at {@code offset}, as [cols][rows]. */
    public static double[] transpose(double[] a, int offset, int rows, int cols) {
        double[] t = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a[offset + r * cols + c];
            }
        }
        return t;
    }

    /**
     * {@link #columns} for a FLOAT network: float products in float lanes (twice the double lanes), each
     * term a float multiply and add in increasing c, so the SIMD and scalar versions agree bit for bit.
     */
    public static void columns(float[] a, int aOff, int rows, int cols, float[] x, int xOff, int batch,
                               float[] bias, int bOff, float[] out, int oOff, boolean accumulate) {
        if (VectorApi.available()) {
            DenseProductsSimd.columns(a, aOff, rows, cols, x, xOff, batch, bias, bOff, out, oOff, accumulate);
        } else {
            scalarColumns(a, aOff, rows, cols, x, xOff, batch, bias, bOff, out, oOff, accumulate);
        }
    }

    /** The float {@link #columns} without SIMD. */
    public static void scalarColumns(float[] a, int aOff, int rows, int cols, float[] x, int xOff, int batch,
                                     float[] bias, int bOff, float[] out, int oOff, boolean accumulate) {
        for (int r = 0; r < rows; r++) {
            int o = oOff + r * batch;
            float br = bias == null ? 0.0f : bias[bOff + r];
            if (!accumulate) {
                Arrays.fill(out, o, o + batch, br);
            } else {
                for (int b = 0; b < batch; b++) {
                    out[o + b] += br;
                }
            }
            for (int c = 0; c < cols; c++) {
                float arc = a[aOff + r * cols + c];
                int xr = xOff + c * batch;
                for (int b = 0; b < batch; b++) {
                    out[o + b] += x[xr + b] * arc;
                }
            }
        }
    }

    /**
     * {@link #accumulateDots} of float blocks: products summed in float lanes (each lane over batch / lanes
     * terms), the lanes then added in double, into a double result (weight gradients stay double: they are
     * small and summed over steps and chunks).
     */
    public static void accumulateDots(float[] y, int yOff, int rows, float[] x, int xOff, int cols, int batch,
                                      double[] out) {
        if (VectorApi.available()) {
            DenseProductsSimd.accumulateDots(y, yOff, rows, x, xOff, cols, batch, out);
            return;
        }
        for (int r = 0; r < rows; r++) {
            int yr = yOff + r * batch;
            for (int c = 0; c < cols; c++) {
                int xr = xOff + c * batch;
                double sum = 0;
                for (int b = 0; b < batch; b++) {
                    sum += y[yr + b] * x[xr + b];
                }
                out[r * cols + c] += sum;
            }
        }
    }

    /** The transpose of a row-major float [rows][cols] block starting at {@code offset}, as [cols][rows]. */
    public static float[] transpose(float[] a, int offset, int rows, int cols) {
        float[] t = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a[offset + r * cols + c];
            }
        }
        return t;
    }
}
