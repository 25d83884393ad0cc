package org.dl4jsnn.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussiansTest {

    @Test
    void cdfMatchesTabulatedValues() {
        // Phi at 0, 1, 2, -3 and 5 (tables of the normal distribution)
        assertThat(Gaussians.cdf(0)).isEqualTo(0.5);
        assertThat(Gaussians.cdf(1)).isCloseTo(0.8413447460685429, within(1e-15));
        assertThat(Gaussians.cdf(2)).isCloseTo(0.9772498680518208, within(1e-15));
        assertThat(Gaussians.cdf(-3)).isCloseTo(0.0013498980316301, within(1e-16));
        assertThat(Gaussians.cdf(5)).isCloseTo(0.9999997133484281, within(1e-15));
        assertThat(Gaussians.cdf(-6) / 9.865876450376981e-10).isCloseTo(1, within(1e-12));
    }

    @Test
    void cdfDerivativeIsThePdf() {
        double h = 1e-5;
        for (double x = -4; x <= 4; x += 0.37) {
            double fd = (Gaussians.cdf(x + h) - Gaussians.cdf(x - h)) / (2 * h);
            assertThat(fd).isCloseTo(Gaussians.pdf(x), within(1e-10));
        }
    }

    @Test
    void quantileInvertsTheCdf() {
        // Acklam's approximation is documented to 1.15e-9 relative error in x
        for (double x : new double[] {-7, -3.5, -2, -0.4, 0.01, 0.8, 2.1, 5}) {
            assertThat(Gaussians.quantile(Gaussians.cdf(x))).isCloseTo(x, within(1.2e-9 * Math.abs(x) + 1e-15));
        }
    }
}
