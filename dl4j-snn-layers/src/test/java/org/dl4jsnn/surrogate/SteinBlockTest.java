package org.dl4jsnn.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The block call {@link SteinSurrogate#derivatives} (its phases run over up to 256 neuron-steps at once in
 * SIMD lanes) gives the estimator written out draw by draw, and the one-at-a-time
 * {@link SteinSurrogate#derivative}, bit for bit, over membranes from far below to far above threshold.
 */
class SteinBlockTest {

    /** A mix of membranes: at the reset (cut ~ theta/s), near threshold, far below (cut > 5), far above (cut < -5). */
    private static double membraneOffset(SplittableRandom random) {
        double r = random.nextDouble();
        if (r < 0.4) {
            return -1.0 + 0.2 * random.nextGaussian();
        }
        if (r < 0.7) {
            return 0.5 * random.nextGaussian();
        }
        if (r < 0.85) {
            return -10 * random.nextDouble();
        }
        return r < 0.99 ? 10 * random.nextDouble() : Double.NaN;
    }

    @ParameterizedTest
    @CsvSource({"0.5, 16, 37", "0.5, 16, 600", "0.3, 1, 19", "1.0, 3, 64", "0.5, 64, 41", "0.5, 65, 9", "0.2, 21, 257"})
    void blockEqualsOneAtATimeBitForBit(double width, int samples, int n) {
        SteinSurrogate wsg = new SteinSurrogate(width, samples);
        SplittableRandom random = new SplittableRandom(samples * 1000L + n);
        for (int trial = 0; trial < 40; trial++) {
            double[] z = new double[n + 3];
            long[] elements = new long[n + 3];
            double[] out = new double[n + 3];
            for (int k = 0; k < n; k++) {
                z[k] = membraneOffset(random);
                elements[k] = random.nextLong(1L << 40);
            }
            long seed = random.nextLong();
            out[n] = 7.0;
            wsg.derivatives(z, seed, elements, out, n);
            for (int k = 0; k < n; k++) {
                assertThat(out[k]).as("z %s", z[k]).isEqualTo(LiteralStein.estimate(z[k], width, samples, seed, elements[k]))
                        .isEqualTo(wsg.derivative(z[k], seed, elements[k]));
            }
            assertThat(out[n]).as("nothing written past n").isEqualTo(7.0);
        }
    }

    @Test
    void blockEqualsOneAtATimeWhereMostDrawsAreAccepted() {
        // cut far below zero: nearly every draw passes the skip and the mask is nearly full
        SteinSurrogate wsg = new SteinSurrogate(0.5, 64);
        SplittableRandom random = new SplittableRandom(8);
        double[] z = new double[50];
        long[] elements = new long[50];
        double[] out = new double[50];
        for (int k = 0; k < z.length; k++) {
            z[k] = 1.5 + random.nextDouble();
            elements[k] = k;
        }
        wsg.derivatives(z, 3L, elements, out, z.length);
        for (int k = 0; k < z.length; k++) {
            assertThat(out[k]).isEqualTo(LiteralStein.estimate(z[k], 0.5, 64, 3L, k)).isNotZero();
        }
    }

    @Test
    void rejectsABlockLongerThanItsArrays() {
        SteinSurrogate wsg = new SteinSurrogate(0.5, 16);
        assertThatThrownBy(() -> wsg.derivatives(new double[3], 0L, new long[3], new double[2], 3))
                .hasMessageContaining("n must be");
    }
}
