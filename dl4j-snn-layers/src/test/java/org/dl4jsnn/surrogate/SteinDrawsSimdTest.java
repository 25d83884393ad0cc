package org.dl4jsnn.surrogate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SIMD draw hashing gives the scalar draws bit for bit: the Stein sum from lanes equals the sum
 * over {@link CounterNoise#normal} written out, for sample counts that fill whole vectors, leave a
 * scalar tail (13, 21) or fill none (3).
 */
class SteinDrawsSimdTest {

    @ParameterizedTest
    @ValueSource(ints = {3, 8, 13, 16, 21})
    void laneSumEqualsTheScalarSum(int samples) {
        SplittableRandom random = new SplittableRandom(samples);
        for (int trial = 0; trial < 5_000; trial++) {
            double cut = -3 + 6 * random.nextDouble();
            long seed = random.nextLong();
            long first = (long) random.nextInt(1 << 20) * samples;
            double expected = 0;
            for (int i = 0; i < samples; i++) {
                double xi = CounterNoise.normal(seed, first + i);
                if (xi > cut) {
                    expected += xi;
                }
            }
            assertThat(SteinDrawsSimd.sum(seed, first, samples, QuantileFloor.of(cut), cut)).as("cut %s", cut)
                    .isEqualTo(expected);
        }
    }
}
