package org.dl4jsnn.surrogate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.dl4jsnn.kernel.VectorApi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Stein sum in SIMD lanes equals the sum over {@link SteinDraws#normal} written out draw by draw,
 * bit for bit, for sample counts that fill whole vectors, leave a scalar tail (odd counts, 21) or fill none
 * (1, 3), at cuts across the whole range (most draws kept, a few, none).
 */
class SteinDrawsSimdTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 13, 16, 17, 21, 32, 64})
    void laneSumEqualsTheLiteralSum(int samples) {
        assertThat(VectorApi.available()).as("SIMD path under test").isTrue();
        SplittableRandom random = new SplittableRandom(samples);
        int nonZero = 0;
        for (int trial = 0; trial < 5_000; trial++) {
            double cut = trial % 50 == 0 ? -1e300 : -4 + 9 * random.nextDouble();
            long seed = random.nextLong();
            long element = random.nextLong(1L << 40);
            double expected = 0;
            for (int i = 0; i < samples; i++) {
                double xi = SteinDraws.normal(seed, element, samples, i);
                if (xi > cut) {
                    expected += xi;
                }
            }
            double lanes = SteinDrawsSimd.sum(seed, element, samples, QuantileFloor.of(cut), cut);
            assertThat(lanes).as("cut %s", cut).isEqualTo(expected)
                    .isEqualTo(SteinDraws.sum(seed, element, samples, QuantileFloor.of(cut), cut));
            nonZero += expected != 0 ? 1 : 0;
        }
        assertThat(nonZero).as("the sums are not all zero").isGreaterThan(1_000);
    }
}
