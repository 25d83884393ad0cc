package org.dl4jsnn.kernel;

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
 */
final class DenseProductsSimd {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private DenseProductsSimd() {
    }

    static void columns(double[] a, int aOff, int rows, int cols, double[] x, int xOff, int batch, double[] bias,
                        int bOff, double[] out, int oOff, boolean accumulate) {
        final int lanes = S.length();
        final int bound = S.loopBound(batch);
        for (int r = 0; r < rows; r++) {
            int o = oOff + r * batch;
            int aRow = aOff + r * cols;
            double br = bias == null ? 0.0 : bias[bOff + r];
            int b = 0;
            // separate loops for the two starts: no vector is merged at a branch inside the loop
            if (accumulate) {
                for (; b < bound; b += lanes) {
                    DoubleVector acc = DoubleVector.fromArray(S, out, o + b).add(br);
                    terms(a, aRow, cols, x, xOff, batch, b, acc).intoArray(out, o + b);
                }
            } else {
                for (; b < bound; b += lanes) {
                    terms(a, aRow, cols, x, xOff, batch, b, DoubleVector.broadcast(S, br)).intoArray(out, o + b);
                }
            }
            for (; b < batch; b++) {
                double v = accumulate ? out[o + b] + br : br;
                for (int c = 0; c < cols; c++) {
                    v += x[xOff + c * batch + b] * a[aRow + c];
                }
                out[o + b] = v;
            }
        }
    }

    /** acc + x[0][b..] a[0] + x[1][b..] a[1] + ..., added in that order. */
    private static DoubleVector terms(double[] a, int aRow, int cols, double[] x, int xOff, int batch, int b,
                                      DoubleVector acc) {
        for (int c = 0; c < cols; c++) {
            acc = acc.add(DoubleVector.fromArray(S, x, xOff + c * batch + b).mul(a[aRow + c]));
        }
        return acc;
    }

    static void accumulateDots(double[] y, int yOff, int rows, double[] x, int xOff, int cols, int batch,
                               double[] out) {
        final int lanes = S.length();
        final int bound = S.loopBound(batch);
        double[] laneSums = new double[lanes];
        for (int r = 0; r < rows; r++) {
            int yr = yOff + r * batch;
            for (int c = 0; c < cols; c++) {
                int xr = xOff + c * batch;
                DoubleVector acc = DoubleVector.zero(S);
                int b = 0;
                for (; b < bound; b += lanes) {
                    acc = DoubleVector.fromArray(S, y, yr + b).fma(DoubleVector.fromArray(S, x, xr + b), acc);
                }
                // lanes summed in lane order: reduceLanes may order them differently once the JIT compiles
                // it, and a run must repeat bit for bit whatever the JIT did
                acc.intoArray(laneSums, 0);
                double sum = 0.0;
                for (int l = 0; l < lanes; l++) {
                    sum += laneSums[l];
                }
                for (; b < batch; b++) {
                    sum += y[yr + b] * x[xr + b];
                }
                out[r * cols + c] += sum;
            }
        }
    }

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    static void columns(float[] a, int aOff, int rows, int cols, float[] x, int xOff, int batch, float[] bias,
                        int bOff, float[] out, int oOff, boolean accumulate) {
        final int lanes = F.length();
        final int bound = F.loopBound(batch);
        for (int r = 0; r < rows; r++) {
            int o = oOff + r * batch;
            int aRow = aOff + r * cols;
            float br = bias == null ? 0.0f : bias[bOff + r];
            int b = 0;
            if (accumulate) {
                for (; b < bound; b += lanes) {
                    FloatVector acc = FloatVector.fromArray(F, out, o + b).add(br);
                    terms(a, aRow, cols, x, xOff, batch, b, acc).intoArray(out, o + b);
                }
            } else {
                for (; b < bound; b += lanes) {
                    terms(a, aRow, cols, x, xOff, batch, b, FloatVector.broadcast(F, br)).intoArray(out, o + b);
                }
            }
            for (; b < batch; b++) {
                float v = accumulate ? out[o + b] + br : br;
                for (int c = 0; c < cols; c++) {
                    v += x[xOff + c * batch + b] * a[aRow + c];
                }
                out[o + b] = v;
            }
        }
    }

    private static FloatVector terms(float[] a, int aRow, int cols, float[] x, int xOff, int batch, int b,
                                     FloatVector acc) {
        for (int c = 0; c < cols; c++) {
            acc = acc.add(FloatVector.fromArray(F, x, xOff + c * batch + b).mul(a[aRow + c]));
        }
        return acc;
    }

    static void accumulateDots(float[] y, int yOff, int rows, float[] x, int xOff, int cols, int batch,
                               double[] out) {
        final int lanes = F.length();
        final int bound = F.loopBound(batch);
        float[] laneSums = new float[lanes];
        for (int r = 0; r < rows; r++) {
            int yr = yOff + r * batch;
            for (int c = 0; c < cols; c++) {
                int xr = xOff + c * batch;
                FloatVector acc = FloatVector.zero(F);
                int b = 0;
                for (; b < bound; b += lanes) {
                    acc = FloatVector.fromArray(F, y, yr + b).fma(FloatVector.fromArray(F, x, xr + b), acc);
                }
                // lanes summed in lane order, in double (see the double version)
                acc.intoArray(laneSums, 0);
                double sum = 0.0;
                for (int l = 0; l < lanes; l++) {
                    sum += laneSums[l];
                }
                for (; b < batch; b++) {
                    sum += y[yr + b] * x[xr + b];
                }
                out[r * cols + c] += sum;
            }
        }
    }
}
