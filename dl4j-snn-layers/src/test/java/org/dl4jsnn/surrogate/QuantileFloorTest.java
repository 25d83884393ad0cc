package org.dl4jsnn.surrogate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The skip level never skips a draw the Stein estimator would have kept. */
class QuantileFloorTest {

    @Test
    void everyUniformAtOrBelowTheLevelHasItsQuantileAtOrBelowTheCut() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 20_000; trial++) {
            double cut = -7 + 14 * random.nextDouble();
            double level = QuantileFloor.of(cut);
            assertThat(level).isBetween(0.0, 1.0);
            if (level > 0) {
                // the worst case is the level itself (the quantile is increasing); probe it and just below
                assertThat(Gaussians.quantile(level)).as("cut " + cut).isLessThanOrEqualTo(cut);
                // and so is the draw's rounding to 2^-24
                assertThat(SteinDraws.round(Gaussians.quantile(level))).as("cut " + cut).isLessThanOrEqualTo(cut);
                assertThat(Gaussians.quantile(level * (1 - 1e-12))).isLessThanOrEqualTo(cut);
                assertThat(Gaussians.quantile(level * random.nextDouble() + 1e-300)).isLessThanOrEqualTo(cut);
            }
        }
    }

    @Test
    void theLevelIsTightEnoughToSkipMostDrawsOfANeuronFarBelowThreshold() {
        // a neuron 2 widths below threshold discards ~97.7% of its draws; the level must skip nearly all of them
        assertThat(QuantileFloor.of(2.0)).isGreaterThan(Gaussians.cdf(2.0) - 0.001);
        assertThat(QuantileFloor.of(0.0)).isGreaterThan(0.49);
        assertThat(QuantileFloor.of(-6.0)).isZero();
        assertThat(QuantileFloor.of(Double.NaN)).isZero();
        assertThat(QuantileFloor.of(40.0)).isEqualTo(QuantileFloor.of(5.0)).isLessThan(1.0);
    }

    @Test
    void steinSurrogateEqualsTheLiteralEstimatorBitForBit() {
        SplittableRandom random = new SplittableRandom(5);
        for (double s : new double[] {0.3, 0.5, 1.0}) {
            SteinSurrogate wsg = new SteinSurrogate(s, 16);
            for (int trial = 0; trial < 20_000; trial++) {
                double r = random.nextDouble();
                double z = r < 0.1 ? 0.0 : r < 0.15 ? -40 * random.nextDouble() : -4 + 6 * random.nextDouble();
                long seed = random.nextLong();
                long element = random.nextInt(1 << 20);
                assertThat(wsg.derivative(z, seed, element)).as("z " + z)
                        .isEqualTo(LiteralStein.estimate(z, s, 16, seed, element));
            }
        }
    }
}
