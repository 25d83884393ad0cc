package org.dl4jsnn.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The products against plain triple loops written from their definitions. Batch 37 is not a multiple of
 * any vector width, so the SIMD loops' scalar tails run too.
 */
class DenseProductsTest {

    private static final int ROWS = 5;
    private static final int COLS = 7;
    private static final int BATCH = 37;

    @Test
    void theBuildRunsTheSimdPaths() {
        // surefire passes --add-modules jdk.incubator.vector: without it the SIMD half of these tests is moot
        assertThat(VectorApi.available()).isTrue();
    }

    @Test
    void columnsIsBiasThenTermsInOrderBitForBit() {
        double[] a = random(ROWS * COLS, 1, 0.3);
        double[] x = random(2 + COLS * BATCH, 2, 0.5);
        double[] bias = random(3 + ROWS, 3, 0);
        for (boolean accumulate : new boolean[] {false, true}) {
            for (double[] b : new double[][] {null, bias}) {
                double[] start = random(ROWS * BATCH, 4, 0);
                double[] expected = start.clone();
                for (int r = 0; r < ROWS; r++) {
                    for (int n = 0; n < BATCH; n++) {
                        double bias0 = b == null ? 0.0 : b[3 + r];
                        double v = accumulate ? expected[r * BATCH + n] + bias0 : bias0;
                        for (int c = 0; c < COLS; c++) {
                            v += x[2 + c * BATCH + n] * a[r * COLS + c];
                        }
                        expected[r * BATCH + n] = v;
                    }
                }
                double[] simd = start.clone();
                DenseProducts.columns(a, 0, ROWS, COLS, x, 2, BATCH, b, 3, simd, 0, accumulate);
                double[] scalar = start.clone();
                DenseProducts.scalarColumns(a, 0, ROWS, COLS, x, 2, BATCH, b, 3, scalar, 0, accumulate);
                assertThat(simd).as("accumulate=%s, bias=%s", accumulate, b != null).isEqualTo(expected);
                assertThat(scalar).isEqualTo(expected);
            }
        }
    }

    @Test
    void accumulateDotsAddsYTimesXTransposed() {
        double[] y = random(ROWS * BATCH, 5, 0);
        double[] x = random(COLS * BATCH, 6, 0.8);
        double[] start = random(ROWS * COLS, 7, 0);
        double[] simd = start.clone();
        DenseProducts.accumulateDots(y, 0, ROWS, x, 0, COLS, BATCH, simd);
        double[] scalar = start.clone();
        DenseProducts.scalarAccumulateDots(y, 0, ROWS, x, 0, COLS, BATCH, scalar);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                double sum = 0;
                for (int n = 0; n < BATCH; n++) {
                    sum += y[r * BATCH + n] * x[c * BATCH + n];
                }
                double expected = start[r * COLS + c] + sum;
                assertThat(scalar[r * COLS + c]).isEqualTo(expected);
                // lanes sum in another order: equal to rounding
                assertThat(simd[r * COLS + c]).isCloseTo(expected, within(1e-13));
            }
        }
    }

    @Test
    void rowProductsSkipZeroInputsAndAgreeWithTheDefinition() {
        double[] x = random(ROWS * COLS, 8, 0.7);
        double[] wT = random(COLS * 3, 9, 0);
        double[] bias = random(3, 10, 0);
        double[] out = new double[ROWS * 3];
        DenseProducts.affine(x, 0, ROWS, COLS, wT, bias, 0, 3, out, 0, false);
        double[] outer = new double[COLS * 3];
        DenseProducts.accumulateOuter(x, 0, ROWS, COLS, out, 0, 3, outer);
        double[] expectedOuter = new double[COLS * 3];
        for (int r = 0; r < ROWS; r++) {
            for (int j = 0; j < 3; j++) {
                double v = bias[j];
                for (int i = 0; i < COLS; i++) {
                    v += x[r * COLS + i] * wT[i * 3 + j];
                }
                assertThat(out[r * 3 + j]).isCloseTo(v, within(1e-15));
                for (int i = 0; i < COLS; i++) {
                    expectedOuter[i * 3 + j] += x[r * COLS + i] * out[r * 3 + j];
                }
            }
        }
        assertThat(outer).containsExactly(expectedOuter, within(1e-14));
    }

    @Test
    void transposeSwapsTheAxes() {
        assertThat(DenseProducts.transpose(new double[] {9, 1, 2, 3, 4, 5, 6}, 1, 2, 3))
                .containsExactly(1, 4, 2, 5, 3, 6);
    }

    /** Gaussian values, a fraction {@code zeros} of them exactly 0 (as spikes leave many). */
    private static double[] random(int n, long seed, double zeros) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int e = 0; e < n; e++) {
            v[e] = rng.nextDouble() < zeros ? 0.0 : rng.nextDouble(-2, 2);
        }
        return v;
    }
}
