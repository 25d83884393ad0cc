package org.dl4jsnn.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The register-blocked products (several outputs per pass, docs/design.md section 7) against two independent
 * facts: the same products one output at a time (a call with one row, or one row and one column, takes the
 * unblocked path), which they must equal bit for bit because blocking keeps each output's order of terms;
 * and a plain triple loop in double on small integers, where every partial sum is exact in float and double,
 * so any summation order gives the exact value and the check is equality. 9 rows and 6 columns leave
 * remainders after the blocks of 4; batch 101 is no multiple of a vector width, so the scalar tails run too.
 */
class BlockedProductsTest {

    private static final int ROWS = 9;
    private static final int COLS = 6;
    private static final int BATCH = 101;

    @Test
    void blockedColumnsEqualOneRowAtATimeBitForBit() {
        double[] a = gaussian(ROWS * COLS, 1, 0);
        double[] x = gaussian(3 + COLS * BATCH, 2, 0.85);
        double[] bias = gaussian(ROWS + 2, 3, 0);
        float[] af = toFloat(a);
        float[] xf = toFloat(x);
        float[] biasf = toFloat(bias);
        for (boolean accumulate : new boolean[] {false, true}) {
            double[] start = gaussian(ROWS * BATCH + 4, 4, 0);
            double[] blocked = start.clone();
            DenseProducts.columns(a, 0, ROWS, COLS, x, 3, BATCH, bias, 2, blocked, 4, accumulate);
            double[] rowByRow = start.clone();
            float[] blockedF = toFloat(start);
            DenseProducts.columns(af, 0, ROWS, COLS, xf, 3, BATCH, biasf, 2, blockedF, 4, accumulate);
            float[] rowByRowF = toFloat(start);
            for (int r = 0; r < ROWS; r++) {
                DenseProducts.columns(a, r * COLS, 1, COLS, x, 3, BATCH, bias, 2 + r, rowByRow, 4 + r * BATCH,
                        accumulate);
                DenseProducts.columns(af, r * COLS, 1, COLS, xf, 3, BATCH, biasf, 2 + r, rowByRowF,
                        4 + r * BATCH, accumulate);
            }
            assertThat(blocked).as("accumulate=%s", accumulate).isEqualTo(rowByRow);
            assertThat(blockedF).as("float, accumulate=%s", accumulate).isEqualTo(rowByRowF);
        }
    }

    @Test
    void blockedDotsEqualOneDotAtATimeBitForBit() {
        double[] y = gaussian(2 + ROWS * BATCH, 5, 0);
        double[] x = gaussian(1 + COLS * BATCH, 6, 0.85);
        float[] yf = toFloat(y);
        float[] xf = toFloat(x);
        double[] start = gaussian(ROWS * COLS, 7, 0);
        double[] blocked = start.clone();
        DenseProducts.accumulateDots(y, 2, ROWS, x, 1, COLS, BATCH, blocked);
        double[] blockedF = start.clone();
        DenseProducts.accumulateDots(yf, 2, ROWS, xf, 1, COLS, BATCH, blockedF);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                double[] one = {start[r * COLS + c]};
                DenseProducts.accumulateDots(y, 2 + r * BATCH, 1, x, 1 + c * BATCH, 1, BATCH, one);
                double[] oneF = {start[r * COLS + c]};
                DenseProducts.accumulateDots(yf, 2 + r * BATCH, 1, xf, 1 + c * BATCH, 1, BATCH, oneF);
                assertThat(blocked[r * COLS + c]).as("(%d, %d)", r, c).isEqualTo(one[0]);
                assertThat(blockedF[r * COLS + c]).as("float (%d, %d)", r, c).isEqualTo(oneF[0]);
            }
        }
    }

    @Test
    void productsEqualATripleLoopOnSmallIntegers() {
        // |terms| <= 9 and at most 101 of them: every partial sum is an integer below 2^24, exact in float
        double[] a = integers(ROWS * COLS, 8, 0);
        double[] x = integers(COLS * BATCH, 9, 0.85);
        double[] bias = integers(ROWS, 10, 0);
        double[] start = integers(ROWS * BATCH, 11, 0);
        double[] y = integers(ROWS * BATCH, 12, 0);
        double[] expectedColumns = new double[ROWS * BATCH];
        for (int r = 0; r < ROWS; r++) {
            for (int b = 0; b < BATCH; b++) {
                double v = start[r * BATCH + b] + bias[r];
                for (int c = 0; c < COLS; c++) {
                    v += a[r * COLS + c] * x[c * BATCH + b];
                }
                expectedColumns[r * BATCH + b] = v;
            }
        }
        double[] expectedDots = new double[ROWS * COLS];
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                for (int b = 0; b < BATCH; b++) {
                    expectedDots[r * COLS + c] += y[r * BATCH + b] * x[c * BATCH + b];
                }
            }
        }
        double[] columns = start.clone();
        DenseProducts.columns(a, 0, ROWS, COLS, x, 0, BATCH, bias, 0, columns, 0, true);
        float[] columnsF = toFloat(start);
        DenseProducts.columns(toFloat(a), 0, ROWS, COLS, toFloat(x), 0, BATCH, toFloat(bias), 0, columnsF, 0,
                true);
        double[] dots = new double[ROWS * COLS];
        DenseProducts.accumulateDots(y, 0, ROWS, x, 0, COLS, BATCH, dots);
        double[] dotsF = new double[ROWS * COLS];
        DenseProducts.accumulateDots(toFloat(y), 0, ROWS, toFloat(x), 0, COLS, BATCH, dotsF);
        assertThat(columns).isEqualTo(expectedColumns);
        assertThat(toDouble(columnsF)).isEqualTo(expectedColumns);
        assertThat(dots).isEqualTo(expectedDots);
        assertThat(dotsF).isEqualTo(expectedDots);
    }

    /** Gaussian values, a fraction {@code zeros} of them exactly 0 (as spikes leave many). */
    private static double[] gaussian(int n, long seed, double zeros) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int e = 0; e < n; e++) {
            v[e] = rng.nextDouble() < zeros ? 0.0 : rng.nextDouble(-2, 2);
        }
        return v;
    }

    /** Integers in [-3, 3], a fraction {@code zeros} of them 0. */
    private static double[] integers(int n, long seed, double zeros) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int e = 0; e < n; e++) {
            v[e] = rng.nextDouble() < zeros ? 0.0 : rng.nextInt(-3, 4);
        }
        return v;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int e = 0; e < v.length; e++) {
            f[e] = (float) v[e];
        }
        return f;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int e = 0; e < v.length; e++) {
            d[e] = v[e];
        }
        return d;
    }
}
