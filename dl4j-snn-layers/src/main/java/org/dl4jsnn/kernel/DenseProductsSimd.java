package org.dl4jsnn.kernel;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseProducts}' batch-innermost products with the Vector API: a vector of batch entries
 * stays in a register while the inner dimension runs, so each term costs one load, where the scalar
 * loop also loads and stores the output. Measured on this project's AVX-512 machine (16 x 16 weights,
 * batch 1,000, 32 steps): 0.8 ms against 2.2 ms for {@link #columns}, 0.7 against 4.0 for
 * {@link #accumulateDots}. Loops hold no branches: on Java 17 a vector merged at a branch is boxed.
 *
 * <p>The double and float loops are written out per precision on purpose. A loop written once over
 * {@code Vector<E>} (as {@code NeuronStepSimd} writes its per-vector rule against {@code StepLanes}) is
 * only as fast as the JIT's specialization of it to one precision: kept out of line under C2, the neuron
 * step's generic adjoint cost BP about 1.3x (batch 1,000), and a JFR profile of a run still on the
 * un-compiled vector code (docs/design.md section 7) showed it at ~1.1 s per iteration at batch 10,000.
 * These products are BP's largest cost and were not measured in generic form, so they keep one exact
 * vector type per loop; what the precisions share lives above them ({@code KernelPrecision},
 * {@code SpikingDensePass}, {@code ChunkedSpikingDense}).
 *
 * <p>Both products are register-blocked (docs/design.md section 7): {@link #columns} computes four output
 * rows per pass over the inputs and {@link #accumulateDots} a 4 x 4 block of dots per pass over the batch, so
 * each vector loaded from memory serves four products instead of one. Blocking changes which outputs are
 * computed together, never the order in which any one output adds its terms: the results are the same bit
 * for bit as one output at a time.
 */
final class DenseProductsSimd {

    /** Output rows (and dot columns) computed per pass: 4 x 4 accumulators fit the 32 AVX-512 registers. */
    private static final int BLOCK = 4;

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private DenseProductsSimd() {
    }

    static void columns(double[] a, int aOff, int rows, int cols, double[] x, int xOff, int batch, double[] bias,
                        int bOff, double[] out, int oOff, boolean accumulate) {
        int r = 0;
        for (; r + BLOCK <= rows; r += BLOCK) {
            for (int k = r; k < r + BLOCK; k++) {
                startRow(out, oOff + k * batch, batch, bias == null ? 0.0 : bias[bOff + k], accumulate);
            }
            fourRows(a, aOff + r * cols, cols, x, xOff, batch, out, oOff + r * batch);
        }
        for (; r < rows; r++) {
            startRow(out, oOff + r * batch, batch, bias == null ? 0.0 : bias[bOff + r], accumulate);
            oneRow(a, aOff + r * cols, cols, x, xOff, batch, out, oOff + r * batch);
        }
    }

    /** out[o..o+batch) = (accumulate ? out : 0) + br: the first term of every output, before the products. */
    private static void startRow(double[] out, int o, int batch, double br, boolean accumulate) {
        if (accumulate) {
            for (int b = 0; b < batch; b++) {
                out[o + b] += br;
            }
        } else {
            Arrays.fill(out, o, o + batch, br);
        }
    }

    /**
     * Four output rows at once: each loaded input vector serves four rows (register blocking), so the inputs
     * are read a quarter as often; every output still adds its terms in increasing c.
     */
    private static void fourRows(double[] a, int aRow, int cols, double[] x, int xOff, int batch, double[] out,
                                 int o) {
        final int lanes = S.length();
        final int bound = S.loopBound(batch);
        final int a1 = aRow + cols;
        final int a2 = a1 + cols;
        final int a3 = a2 + cols;
        final int o1 = o + batch;
        final int o2 = o1 + batch;
        final int o3 = o2 + batch;
        int b = 0;
        for (; b < bound; b += lanes) {
            DoubleVector v0 = DoubleVector.fromArray(S, out, o + b);
            DoubleVector v1 = DoubleVector.fromArray(S, out, o1 + b);
            DoubleVector v2 = DoubleVector.fromArray(S, out, o2 + b);
            DoubleVector v3 = DoubleVector.fromArray(S, out, o3 + b);
            for (int c = 0; c < cols; c++) {
                DoubleVector xv = DoubleVector.fromArray(S, x, xOff + c * batch + b);
                v0 = v0.add(xv.mul(a[aRow + c]));
                v1 = v1.add(xv.mul(a[a1 + c]));
                v2 = v2.add(xv.mul(a[a2 + c]));
                v3 = v3.add(xv.mul(a[a3 + c]));
            }
            v0.intoArray(out, o + b);
            v1.intoArray(out, o1 + b);
            v2.intoArray(out, o2 + b);
            v3.intoArray(out, o3 + b);
        }
        for (int k = 0; k < BLOCK; k++) {
            scalarTail(a, aRow + k * cols, cols, x, xOff, batch, out, o + k * batch, b);
        }
    }

    private static void oneRow(double[] a, int aRow, int cols, double[] x, int xOff, int batch, double[] out, int o) {
        final int lanes = S.length();
        final int bound = S.loopBound(batch);
        int b = 0;
        for (; b < bound; b += lanes) {
            DoubleVector v = DoubleVector.fromArray(S, out, o + b);
            for (int c = 0; c < cols; c++) {
                v = v.add(DoubleVector.fromArray(S, x, xOff + c * batch + b).mul(a[aRow + c]));
            }
            v.intoArray(out, o + b);
        }
        scalarTail(a, aRow, cols, x, xOff, batch, out, o, b);
    }

    /** The batch entries from {@code from} on that fill no whole vector, term by term as the lanes do. */
    private static void scalarTail(double[] a, int aRow, int cols, double[] x, int xOff, int batch, double[] out,
                                   int o, int from) {
        for (int b = from; b < batch; b++) {
            double v = out[o + b];
            for (int c = 0; c < cols; c++) {
                v += x[xOff + c * batch + b] * a[aRow + c];
            }
            out[o + b] = v;
        }
    }

    static void accumulateDots(double[] y, int yOff, int rows, double[] x, int xOff, int cols, int batch,
                               double[] out) {
        double[] sums = new double[S.length() * BLOCK * BLOCK];
        int r = 0;
        for (; r + BLOCK <= rows; r += BLOCK) {
            int c = 0;
            for (; c + BLOCK <= cols; c += BLOCK) {
                dotBlock(y, yOff, r, x, xOff, c, cols, batch, out, sums);
            }
            for (; c < cols; c++) {
                for (int k = r; k < r + BLOCK; k++) {
                    out[k * cols + c] += dot(y, yOff + k * batch, x, xOff + c * batch, batch, sums);
                }
            }
        }
        for (; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] += dot(y, yOff + r * batch, x, xOff + c * batch, batch, sums);
            }
        }
    }

    /**
     * The 4 x 4 dots of rows r..r+3 of y with rows c..c+3 of x in one pass over the batch: each loaded vector
     * serves four dots, a quarter of the loads of one dot at a time. Every dot sums exactly as {@link #dot}.
     */
    private static void dotBlock(double[] y, int yOff, int r, double[] x, int xOff, int c, int cols, int batch,
                                 double[] out, double[] sums) {
        final int lanes = S.length();
        final int bound = S.loopBound(batch);
        final int y0 = yOff + r * batch;
        final int y1 = y0 + batch;
        final int y2 = y1 + batch;
        final int y3 = y2 + batch;
        final int x0 = xOff + c * batch;
        final int x1 = x0 + batch;
        final int x2 = x1 + batch;
        final int x3 = x2 + batch;
        DoubleVector s00 = DoubleVector.zero(S);
        DoubleVector s01 = s00;
        DoubleVector s02 = s00;
        DoubleVector s03 = s00;
        DoubleVector s10 = s00;
        DoubleVector s11 = s00;
        DoubleVector s12 = s00;
        DoubleVector s13 = s00;
        DoubleVector s20 = s00;
        DoubleVector s21 = s00;
        DoubleVector s22 = s00;
        DoubleVector s23 = s00;
        DoubleVector s30 = s00;
        DoubleVector s31 = s00;
        DoubleVector s32 = s00;
        DoubleVector s33 = s00;
        for (int b = 0; b < bound; b += lanes) {
            DoubleVector u0 = DoubleVector.fromArray(S, y, y0 + b);
            DoubleVector u1 = DoubleVector.fromArray(S, y, y1 + b);
            DoubleVector u2 = DoubleVector.fromArray(S, y, y2 + b);
            DoubleVector u3 = DoubleVector.fromArray(S, y, y3 + b);
            DoubleVector v = DoubleVector.fromArray(S, x, x0 + b);
            s00 = u0.fma(v, s00);
            s10 = u1.fma(v, s10);
            s20 = u2.fma(v, s20);
            s30 = u3.fma(v, s30);
            v = DoubleVector.fromArray(S, x, x1 + b);
            s01 = u0.fma(v, s01);
            s11 = u1.fma(v, s11);
            s21 = u2.fma(v, s21);
            s31 = u3.fma(v, s31);
            v = DoubleVector.fromArray(S, x, x2 + b);
            s02 = u0.fma(v, s02);
            s12 = u1.fma(v, s12);
            s22 = u2.fma(v, s22);
            s32 = u3.fma(v, s32);
            v = DoubleVector.fromArray(S, x, x3 + b);
            s03 = u0.fma(v, s03);
            s13 = u1.fma(v, s13);
            s23 = u2.fma(v, s23);
            s33 = u3.fma(v, s33);
        }
        // the accumulators leave through memory to a separate scalar method: with sixteen inlined lane
        // sums here, a JFR profile of the bench's BP caught this loop's fma in the Vector API's slow Java
        // fallback (un-intrinsified) for about a sixth of BP's samples
        final int lanes16 = lanes * BLOCK;
        s00.intoArray(sums, 0);
        s01.intoArray(sums, lanes);
        s02.intoArray(sums, 2 * lanes);
        s03.intoArray(sums, 3 * lanes);
        s10.intoArray(sums, lanes16);
        s11.intoArray(sums, lanes16 + lanes);
        s12.intoArray(sums, lanes16 + 2 * lanes);
        s13.intoArray(sums, lanes16 + 3 * lanes);
        s20.intoArray(sums, 2 * lanes16);
        s21.intoArray(sums, 2 * lanes16 + lanes);
        s22.intoArray(sums, 2 * lanes16 + 2 * lanes);
        s23.intoArray(sums, 2 * lanes16 + 3 * lanes);
        s30.intoArray(sums, 3 * lanes16);
        s31.intoArray(sums, 3 * lanes16 + lanes);
        s32.intoArray(sums, 3 * lanes16 + 2 * lanes);
        s33.intoArray(sums, 3 * lanes16 + 3 * lanes);
        for (int i = 0; i < BLOCK; i++) {
            for (int j = 0; j < BLOCK; j++) {
                out[(r + i) * cols + c + j] += total(sums, (i * BLOCK + j) * lanes, lanes, y, y0 + i * batch, x,
                        x0 + j * batch, bound, batch);
            }
        }
    }

    /** One dot of a y row and an x row, summed as {@link #dotBlock} sums each of its dots. */
    private static double dot(double[] y, int yr, double[] x, int xr, int batch, double[] sums) {
        final int lanes = S.length();
        final int bound = S.loopBound(batch);
        DoubleVector acc = DoubleVector.zero(S);
        for (int b = 0; b < bound; b += lanes) {
            acc = DoubleVector.fromArray(S, y, yr + b).fma(DoubleVector.fromArray(S, x, xr + b), acc);
        }
        acc.intoArray(sums, 0);
        return total(sums, 0, lanes, y, yr, x, xr, bound, batch);
    }

    /**
     * The lane sums {@code sums[from..from+lanes)} added in lane order in double, then the tail terms from
     * {@code bound} on. Not reduceLanes: it may order the lanes differently once the JIT compiles it, and a
     * run must repeat bit for bit whatever the JIT did.
     */
    private static double total(double[] sums, int from, int lanes, double[] y, int yr, double[] x, int xr,
                                int bound, int batch) {
        double sum = 0.0;
        for (int l = from; l < from + lanes; l++) {
            sum += sums[l];
        }
        for (int b = bound; b < batch; b++) {
            sum += y[yr + b] * x[xr + b];
        }
        return sum;
    }

    static void columns(float[] a, int aOff, int rows, int cols, float[] x, int xOff, int batch, float[] bias,
                        int bOff, float[] out, int oOff, boolean accumulate) {
        int r = 0;
        for (; r + BLOCK <= rows; r += BLOCK) {
            for (int k = r; k < r + BLOCK; k++) {
                startRow(out, oOff + k * batch, batch, bias == null ? 0.0f : bias[bOff + k], accumulate);
            }
            fourRows(a, aOff + r * cols, cols, x, xOff, batch, out, oOff + r * batch);
        }
        for (; r < rows; r++) {
            startRow(out, oOff + r * batch, batch, bias == null ? 0.0f : bias[bOff + r], accumulate);
            oneRow(a, aOff + r * cols, cols, x, xOff, batch, out, oOff + r * batch);
        }
    }

    /** out[o..o+batch) = (accumulate ? out : 0) + br: the first term of every output, before the products. */
    private static void startRow(float[] out, int o, int batch, float br, boolean accumulate) {
        if (accumulate) {
            for (int b = 0; b < batch; b++) {
                out[o + b] += br;
            }
        } else {
            Arrays.fill(out, o, o + batch, br);
        }
    }

    /**
     * Four output rows at once: each loaded input vector serves four rows (register blocking), so the inputs
     * are read a quarter as often; every output still adds its terms in increasing c.
     */
    private static void fourRows(float[] a, int aRow, int cols, float[] x, int xOff, int batch, float[] out,
                                 int o) {
        final int lanes = F.length();
        final int bound = F.loopBound(batch);
        final int a1 = aRow + cols;
        final int a2 = a1 + cols;
        final int a3 = a2 + cols;
        final int o1 = o + batch;
        final int o2 = o1 + batch;
        final int o3 = o2 + batch;
        int b = 0;
        for (; b < bound; b += lanes) {
            FloatVector v0 = FloatVector.fromArray(F, out, o + b);
            FloatVector v1 = FloatVector.fromArray(F, out, o1 + b);
            FloatVector v2 = FloatVector.fromArray(F, out, o2 + b);
            FloatVector v3 = FloatVector.fromArray(F, out, o3 + b);
            for (int c = 0; c < cols; c++) {
                FloatVector xv = FloatVector.fromArray(F, x, xOff + c * batch + b);
                v0 = v0.add(xv.mul(a[aRow + c]));
                v1 = v1.add(xv.mul(a[a1 + c]));
                v2 = v2.add(xv.mul(a[a2 + c]));
                v3 = v3.add(xv.mul(a[a3 + c]));
            }
            v0.intoArray(out, o + b);
            v1.intoArray(out, o1 + b);
            v2.intoArray(out, o2 + b);
            v3.intoArray(out, o3 + b);
        }
        for (int k = 0; k < BLOCK; k++) {
            scalarTail(a, aRow + k * cols, cols, x, xOff, batch, out, o + k * batch, b);
        }
    }

    private static void oneRow(float[] a, int aRow, int cols, float[] x, int xOff, int batch, float[] out, int o) {
        final int lanes = F.length();
        final int bound = F.loopBound(batch);
        int b = 0;
        for (; b < bound; b += lanes) {
            FloatVector v = FloatVector.fromArray(F, out, o + b);
            for (int c = 0; c < cols; c++) {
                v = v.add(FloatVector.fromArray(F, x, xOff + c * batch + b).mul(a[aRow + c]));
            }
            v.intoArray(out, o + b);
        }
        scalarTail(a, aRow, cols, x, xOff, batch, out, o, b);
    }

    /** The batch entries from {@code from} on that fill no whole vector, term by term as the lanes do. */
    private static void scalarTail(float[] a, int aRow, int cols, float[] x, int xOff, int batch, float[] out,
                                   int o, int from) {
        for (int b = from; b < batch; b++) {
            float v = out[o + b];
            for (int c = 0; c < cols; c++) {
                v += x[xOff + c * batch + b] * a[aRow + c];
            }
            out[o + b] = v;
        }
    }

    static void accumulateDots(float[] y, int yOff, int rows, float[] x, int xOff, int cols, int batch,
                               double[] out) {
        float[] sums = new float[F.length() * BLOCK * BLOCK];
        int r = 0;
        for (; r + BLOCK <= rows; r += BLOCK) {
            int c = 0;
            for (; c + BLOCK <= cols; c += BLOCK) {
                dotBlock(y, yOff, r, x, xOff, c, cols, batch, out, sums);
            }
            for (; c < cols; c++) {
                for (int k = r; k < r + BLOCK; k++) {
                    out[k * cols + c] += dot(y, yOff + k * batch, x, xOff + c * batch, batch, sums);
                }
            }
        }
        for (; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] += dot(y, yOff + r * batch, x, xOff + c * batch, batch, sums);
            }
        }
    }

    /**
     * The 4 x 4 dots of rows r..r+3 of y with rows c..c+3 of x in one pass over the batch: each loaded vector
     * serves four dots, a quarter of the loads of one dot at a time. Every dot sums exactly as {@link #dot}.
     */
    private static void dotBlock(float[] y, int yOff, int r, float[] x, int xOff, int c, int cols, int batch,
                                 double[] out, float[] sums) {
        final int lanes = F.length();
        final int bound = F.loopBound(batch);
        final int y0 = yOff + r * batch;
        final int y1 = y0 + batch;
        final int y2 = y1 + batch;
        final int y3 = y2 + batch;
        final int x0 = xOff + c * batch;
        final int x1 = x0 + batch;
        final int x2 = x1 + batch;
        final int x3 = x2 + batch;
        FloatVector s00 = FloatVector.zero(F);
        FloatVector s01 = s00;
        FloatVector s02 = s00;
        FloatVector s03 = s00;
        FloatVector s10 = s00;
        FloatVector s11 = s00;
        FloatVector s12 = s00;
        FloatVector s13 = s00;
        FloatVector s20 = s00;
        FloatVector s21 = s00;
        FloatVector s22 = s00;
        FloatVector s23 = s00;
        FloatVector s30 = s00;
        FloatVector s31 = s00;
        FloatVector s32 = s00;
        FloatVector s33 = s00;
        for (int b = 0; b < bound; b += lanes) {
            FloatVector u0 = FloatVector.fromArray(F, y, y0 + b);
            FloatVector u1 = FloatVector.fromArray(F, y, y1 + b);
            FloatVector u2 = FloatVector.fromArray(F, y, y2 + b);
            FloatVector u3 = FloatVector.fromArray(F, y, y3 + b);
            FloatVector v = FloatVector.fromArray(F, x, x0 + b);
            s00 = u0.fma(v, s00);
            s10 = u1.fma(v, s10);
            s20 = u2.fma(v, s20);
            s30 = u3.fma(v, s30);
            v = FloatVector.fromArray(F, x, x1 + b);
            s01 = u0.fma(v, s01);
            s11 = u1.fma(v, s11);
            s21 = u2.fma(v, s21);
            s31 = u3.fma(v, s31);
            v = FloatVector.fromArray(F, x, x2 + b);
            s02 = u0.fma(v, s02);
            s12 = u1.fma(v, s12);
            s22 = u2.fma(v, s22);
            s32 = u3.fma(v, s32);
            v = FloatVector.fromArray(F, x, x3 + b);
            s03 = u0.fma(v, s03);
            s13 = u1.fma(v, s13);
            s23 = u2.fma(v, s23);
            s33 = u3.fma(v, s33);
        }
        // the accumulators leave through memory to a separate scalar method: with sixteen inlined lane
        // sums here, a JFR profile of the bench's BP caught this loop's fma in the Vector API's slow Java
        // fallback (un-intrinsified) for about a sixth of BP's samples
        final int lanes16 = lanes * BLOCK;
        s00.intoArray(sums, 0);
        s01.intoArray(sums, lanes);
        s02.intoArray(sums, 2 * lanes);
        s03.intoArray(sums, 3 * lanes);
        s10.intoArray(sums, lanes16);
        s11.intoArray(sums, lanes16 + lanes);
        s12.intoArray(sums, lanes16 + 2 * lanes);
        s13.intoArray(sums, lanes16 + 3 * lanes);
        s20.intoArray(sums, 2 * lanes16);
        s21.intoArray(sums, 2 * lanes16 + lanes);
        s22.intoArray(sums, 2 * lanes16 + 2 * lanes);
        s23.intoArray(sums, 2 * lanes16 + 3 * lanes);
        s30.intoArray(sums, 3 * lanes16);
        s31.intoArray(sums, 3 * lanes16 + lanes);
        s32.intoArray(sums, 3 * lanes16 + 2 * lanes);
        s33.intoArray(sums, 3 * lanes16 + 3 * lanes);
        for (int i = 0; i < BLOCK; i++) {
            for (int j = 0; j < BLOCK; j++) {
                out[(r + i) * cols + c + j] += total(sums, (i * BLOCK + j) * lanes, lanes, y, y0 + i * batch, x,
                        x0 + j * batch, bound, batch);
            }
        }
    }

    /** One dot of a y row and an x row, summed as {@link #dotBlock} sums each of its dots. */
    private static double dot(float[] y, int yr, float[] x, int xr, int batch, float[] sums) {
        final int lanes = F.length();
        final int bound = F.loopBound(batch);
        FloatVector acc = FloatVector.zero(F);
        for (int b = 0; b < bound; b += lanes) {
            acc = FloatVector.fromArray(F, y, yr + b).fma(FloatVector.fromArray(F, x, xr + b), acc);
        }
        acc.intoArray(sums, 0);
        return total(sums, 0, lanes, y, yr, x, xr, bound, batch);
    }

    /**
     * The lane sums {@code sums[from..from+lanes)} added in lane order in double, then the tail terms from
     * {@code bound} on. Not reduceLanes: it may order the lanes differently once the JIT compiles it, and a
     * run must repeat bit for bit whatever the JIT did.
     */
    private static double total(float[] sums, int from, int lanes, float[] y, int yr, float[] x, int xr,
                                int bound, int batch) {
        double sum = 0.0;
        for (int l = from; l < from + lanes; l++) {
            sum += sums[l];
        }
        for (int b = bound; b < batch; b++) {
            sum += y[yr + b] * x[xr + b];
        }
        return sum;
    }
}
