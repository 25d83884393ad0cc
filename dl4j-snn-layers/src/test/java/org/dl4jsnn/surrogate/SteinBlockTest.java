package org.dl4jsnn.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The block estimator ({@link SteinSurrogate#derivatives}: draw masks hashed in lanes over neuron-steps,
 * quantiles only for the marked draws) gives the one-at-a-time {@link SteinSurrogate#derivative} bit for
 * bit, and its integer skip test is exactly the uniform one.
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
                assertThat(out[k]).as("z %s", z[k]).isEqualTo(wsg.derivative(z[k], seed, elements[k]));
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
            assertThat(out[k]).isEqualTo(wsg.derivative(z[k], 3L, k)).isNotZero();
        }
    }

    @Test
    void laneMasksEqualTheDrawByDrawMasks() {
        SplittableRandom random = new SplittableRandom(2);
        for (int samples : new int[] {1, 7, 16, 63, 64}) {
            int n = 45;
            long[] firsts = new long[n];
            long[] acceptFrom = new long[n];
            long[] masks = new long[n];
            for (int k = 0; k < n; k++) {
                firsts[k] = random.nextLong();
                // thresholds across the whole range, the ends included
                acceptFrom[k] = k % 9 == 0 ? 0 : k % 9 == 1 ? 1L << 53 : random.nextLong(1L << 53);
            }
            long seed = random.nextLong();
            SteinDrawMasks.fill(seed, firsts, acceptFrom, samples, masks, n);
            for (int k = 0; k < n; k++) {
                long expected = 0;
                for (int i = 0; i < samples; i++) {
                    if (CounterNoise.mantissa(seed, firsts[k] + i) >= acceptFrom[k]) {
                        expected |= 1L << i;
                    }
                }
                assertThat(masks[k]).as("samples %d, k %d", samples, k).isEqualTo(expected)
                        .isEqualTo(SteinDrawMasks.mask(seed, firsts[k], acceptFrom[k], samples));
            }
        }
    }

    @Test
    void integerSkipIsExactlyTheUniformSkip() {
        SplittableRandom random = new SplittableRandom(4);
        for (int trial = 0; trial < 5_000; trial++) {
            double cut = trial == 0 ? Double.NaN : -7 + 14 * random.nextDouble();
            double level = QuantileFloor.of(cut);
            long m = QuantileFloor.acceptFrom(cut);
            // the boundary: the mantissa just below is skipped, this one is kept
            assertThat(CounterNoise.uniformOf(m)).as("cut %s", cut).isGreaterThan(level);
            if (m > 0) {
                assertThat(CounterNoise.uniformOf(m - 1)).as("cut %s", cut).isLessThanOrEqualTo(level);
            }
        }
        assertThat(QuantileFloor.acceptFrom(-6.0)).isZero();
        assertThat(QuantileFloor.acceptFrom(Double.NaN)).isZero();
    }

    @Test
    void uniformIsNonDecreasingInTheMantissaAcrossTheRoundingRange() {
        // above 2^52 the + 0.5 rounds; the boundary search relies on the order surviving it
        long top = (1L << 53) - 1;
        for (long m : new long[] {0, 1, (1L << 52) - 2, (1L << 52) - 1, 1L << 52, (1L << 52) + 1, top - 2, top - 1}) {
            assertThat(CounterNoise.uniformOf(m + 1)).isGreaterThanOrEqualTo(CounterNoise.uniformOf(m));
        }
        assertThat(CounterNoise.uniformOf(0)).isGreaterThan(0.0);
    }

    @Test
    void rejectsABlockLongerThanItsArrays() {
        SteinSurrogate wsg = new SteinSurrogate(0.5, 16);
        assertThatThrownBy(() -> wsg.derivatives(new double[3], 0L, new long[3], new double[2], 3))
                .hasMessageContaining("n must be");
    }
}
