package org.dl4jsnn.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The fast finiteness test finds the first NaN or infinity wherever it sits, and passes finite arrays. */
class FiniteScanTest {

    @Test
    void findsTheFirstNonFiniteElementAtAnyPosition() {
        for (int n : new int[] {1, 7, 16, 33, 1000}) {
            for (int at = 0; at < n; at++) {
                for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                    double[] d = new double[n];
                    float[] f = new float[n];
                    d[at] = bad;
                    f[at] = (float) bad;
                    if (at + 1 < n) {
                        d[n - 1] = bad;
                        f[n - 1] = (float) bad;
                    }
                    assertThat(FiniteScan.firstNonFinite(d)).isEqualTo(at);
                    assertThat(FiniteScan.firstNonFinite(f)).isEqualTo(at);
                }
            }
        }
    }

    @Test
    void finiteArraysPassEvenWhenTheirSumOverflows() {
        float[] f = new float[100];
        double[] d = new double[100];
        Arrays.fill(f, Float.MAX_VALUE);
        Arrays.fill(d, Double.MAX_VALUE);
        assertThat(FiniteScan.firstNonFinite(f)).isEqualTo(-1);
        assertThat(FiniteScan.firstNonFinite(d)).isEqualTo(-1);
        // +inf and -inf that would cancel in a plain sum are still found
        f[3] = Float.POSITIVE_INFINITY;
        f[60] = Float.NEGATIVE_INFINITY;
        assertThat(FiniteScan.firstNonFinite(f)).isEqualTo(3);
        assertThat(FiniteScan.firstNonFinite(new float[0])).isEqualTo(-1);
    }
}
