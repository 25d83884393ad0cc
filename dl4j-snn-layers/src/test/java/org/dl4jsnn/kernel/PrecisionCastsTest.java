package org.dl4jsnn.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The lane casts equal Java's casts element by element, including the scalar tail (length 37). */
class PrecisionCastsTest {

    @Test
    void castsAsJavaDoes() {
        SplittableRandom rng = new SplittableRandom(2);
        int n = 37;
        double[] d = new double[n];
        float[] f = new float[n];
        for (int e = 0; e < n; e++) {
            d[e] = rng.nextDouble(-1e3, 1e3) * Math.pow(10, rng.nextInt(-30, 30));
            f[e] = (float) rng.nextGaussian();
        }
        d[0] = 1.0 + 0x1.0p-24; // a tie between two floats: rounds to even
        float[] narrowed = new float[n];
        PrecisionCasts.narrow(d, narrowed, n);
        double[] widened = new double[n];
        PrecisionCasts.widen(f, widened, n);
        for (int e = 0; e < n; e++) {
            assertThat(narrowed[e]).isEqualTo((float) d[e]);
            assertThat(widened[e]).isEqualTo((double) f[e]);
        }
    }
}
