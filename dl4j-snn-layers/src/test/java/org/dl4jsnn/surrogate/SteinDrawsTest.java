package org.dl4jsnn.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The WSG draws are standard normal: every one of the 2^23 uniform levels gives the normal quantile
 * (checked through the independent CDF) rounded to 2^-24, no draw exceeds {@link SteinDraws#MAX} (which the
 * estimator relies on to skip neuron-steps), and sampled draws have N(0, 1)'s moments and quantiles, with
 * the two draws of one hash uncorrelated.
 */
class SteinDrawsTest {

    @Test
    void everyLevelIsTheRoundedNormalQuantileAndNoneExceedsMax() {
        double max = Double.NEGATIVE_INFINITY;
        for (long b = 0; b < 1L << 24; b += 2) {
            double u = (b | 1) * SteinDraws.UNIT;
            double xi = SteinDraws.round(Gaussians.quantile(u));
            max = Math.max(max, xi);
            assertThat(xi / SteinDraws.UNIT).isEqualTo(Math.rint(xi / SteinDraws.UNIT));
            if (b % 98 == 0) {
                // Phi(xi) = u up to the rounding (2^-25) and the quantile's error, in x, times the density
                double slack = Gaussians.pdf(xi) * (0x1.0p-25 + 1.2e-9 * Math.abs(xi)) * 1.01 + 1e-15;
                assertThat(Gaussians.cdf(xi)).as("u %s", u).isCloseTo(u, within(slack));
            }
            // exact symmetry: the level 1 - u gives -xi
            if (b % 1022 == 0) {
                assertThat(SteinDraws.round(Gaussians.quantile(1 - u))).isEqualTo(-xi);
            }
        }
        assertThat(max).isEqualTo(SteinDraws.MAX).isBetween(5.29, 5.30);
    }

    @Test
    void drawsHaveTheStandardNormalsMomentsAndQuantiles() {
        int samples = 16;
        int elements = 25_000;
        int n = samples * elements;
        double sum = 0;
        double sumSq = 0;
        double sum4 = 0;
        double pairProduct = 0;
        double[] points = {-2.0, -1.0, 0.0, 0.5, 2.0, 3.0};
        int[] below = new int[points.length];
        for (long e = 0; e < elements; e++) {
            for (int i = 0; i < samples; i++) {
                double x = SteinDraws.normal(4242L, e, samples, i);
                sum += x;
                sumSq += x * x;
                sum4 += x * x * x * x;
                for (int p = 0; p < points.length; p++) {
                    below[p] += x < points[p] ? 1 : 0;
                }
                if ((i & 1) == 1) {
                    pairProduct += x * SteinDraws.normal(4242L, e, samples, i - 1);
                }
            }
        }
        assertThat(sum / n).isCloseTo(0, within(4 / Math.sqrt(n)));
        assertThat(sumSq / n).isCloseTo(1, within(4 * Math.sqrt(2.0 / n)));
        assertThat(sum4 / n).isCloseTo(3, within(4 * Math.sqrt(96.0 / n)));
        assertThat(pairProduct / (n / 2)).as("the two halves of a hash").isCloseTo(0, within(4 / Math.sqrt(n / 2)));
        for (int p = 0; p < points.length; p++) {
            double q = Gaussians.cdf(points[p]);
            assertThat(below[p] / (double) n).as("P(xi < %s)", points[p])
                    .isCloseTo(q, within(4 * Math.sqrt(q * (1 - q) / n)));
        }
    }

    @Test
    void neighbouringNeuronStepsAndSeedsDrawDifferently() {
        int same = 0;
        for (long e = 0; e < 1000; e++) {
            same += SteinDraws.normal(1L, e, 16, 3) == SteinDraws.normal(1L, e + 1, 16, 3) ? 1 : 0;
            same += SteinDraws.normal(1L, e, 16, 3) == SteinDraws.normal(2L, e, 16, 3) ? 1 : 0;
        }
        assertThat(same).isLessThan(3);
    }

    @Test
    void rejectsADrawOutsideTheNeuronStep() {
        assertThatThrownBy(() -> SteinDraws.normal(0, 0, 16, 16)).hasMessageContaining("draw i must be in [0, 16)");
        assertThatThrownBy(() -> SteinDraws.normal(0, 0, 16, -1)).hasMessageContaining("draw i");
    }
}
