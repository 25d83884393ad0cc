package org.dl4jsnn.surrogate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CounterNoiseTest {

    @Test
    void everyBitPatternMapsInsideTheOpenUnitInterval() {
        // all ones is the pattern whose cell midpoint would round to exactly 1
        double top = CounterNoise.unitOpen(-1L);
        assertThat(top).isLessThan(1.0).isEqualTo(Math.nextDown(1.0));
        assertThat(Double.isFinite(Gaussians.quantile(top))).isTrue();
        assertThat(CounterNoise.unitOpen(0L)).isEqualTo(0x1.0p-54);
    }

    @Test
    void everyOtherPatternKeepsItsValue() {
        long nextToTop = -1L << 11 ^ (1L << 11);
        assertThat(CounterNoise.unitOpen(nextToTop)).isEqualTo(((nextToTop >>> 11) + 0.5) * 0x1.0p-53);
        for (long k = 0; k < 1000; k++) {
            long bits = CounterNoise.mix(k);
            assertThat(CounterNoise.unitOpen(bits)).isEqualTo(((bits >>> 11) + 0.5) * 0x1.0p-53);
        }
    }
}
