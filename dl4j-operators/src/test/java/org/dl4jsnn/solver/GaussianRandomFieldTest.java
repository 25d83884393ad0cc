package org.dl4jsnn.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class GaussianRandomFieldTest {

    /**
     * The empirical covariance C_ij = (1/n) sum_s f_s(x_i) f_s(x_j) (mean known to be zero) is unbiased
     * for K_ij with variance (K_ij^2 + K_ii K_jj) / n for a Gaussian field (Isserlis' theorem), at most
     * 2 variance^2 / n. Five standard deviations per entry make a false failure over the ~150 distinct
     * entries below improbable (< 1e-4 even if they were independent), while a wrong length scale, a
     * missing factor 2 in the kernel or a wrong variance moves entries by several times the tolerance.
     */
    @Test
    void empiricalCovarianceMatchesKernel() {
        double lengthScale = 0.2;
        double variance = 2.5;
        GaussianRandomField grf = GaussianRandomField.onUnitInterval(17, lengthScale, variance);
        int n = 4000;
        double[][] samples = grf.samples(n, 7L);
        double[] x = grf.points();
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j <= i; j++) {
                double c = 0;
                for (double[] s : samples) {
                    c += s[i] * s[j];
                }
                c /= n;
                double k = variance * Math.exp(-(x[i] - x[j]) * (x[i] - x[j]) / (2 * lengthScale * lengthScale));
                double tolerance = 5 * Math.sqrt((k * k + variance * variance) / n);
                assertThat(Math.abs(c - k)).as("covariance (%d,%d)", i, j).isLessThanOrEqualTo(tolerance);
            }
        }
    }

    @Test
    void sameSeedSameSamplesDifferentSeedDifferentSamples() {
        GaussianRandomField grf = GaussianRandomField.onUnitInterval(50, 0.2, 1);
        double[][] a = grf.samples(3, 11L);
        double[][] b = grf.samples(3, 11L);
        double[][] c = grf.samples(3, 12L);
        assertThat(a).isDeepEqualTo(b);
        for (int s = 0; s < 3; s++) {
            assertThat(a[s]).isNotEqualTo(c[s]);
        }
        // Independent instances with equal parameters factor identically.
        assertThat(GaussianRandomField.onUnitInterval(50, 0.2, 1).samples(3, 11L)).isDeepEqualTo(a);
    }

    @Test
    void jitterIsMinimalForWellConditionedKernelAndBoundedOnFineGrids() {
        GaussianRandomField separated = new GaussianRandomField(new double[] {0, 10, 20}, 0.5, 3);
        assertThat(separated.jitter()).isEqualTo(GaussianRandomField.INITIAL_RELATIVE_JITTER * 3);
        // 397 points at spacing 1/396 with length scale 0.2: numerically singular without jitter.
        GaussianRandomField fine = GaussianRandomField.onUnitInterval(397, 0.2, 1);
        assertThat(fine.jitter()).isGreaterThan(0).isLessThanOrEqualTo(GaussianRandomField.MAX_RELATIVE_JITTER);
    }

    @Test
    void jitterGrowsTenfoldUntilTheMatrixFactors() {
        // Eigenvalues 1 +- (1 + 3e-6): indefinite by 3e-6, so jitters 1e-10 ... 1e-6 fail and 1e-5 is the first to work.
        double[][] indefinite = {{1, 1 + 3e-6}, {1 + 3e-6, 1}};
        GaussianRandomField.JitteredCholesky c = GaussianRandomField.JitteredCholesky.of(indefinite, 1.0);
        assertThat(c.jitter()).isCloseTo(1e-5, Percentage.withPercentage(1e-6));
        double[][] l = c.lower();
        assertThat(l[1][0] * l[1][0] + l[1][1] * l[1][1]).isCloseTo(1 + c.jitter(), Offset.offset(1e-14));
        assertThat(l[1][0] * l[0][0]).isCloseTo(1 + 3e-6, Offset.offset(1e-14));
        // Indefinite by 0.1: beyond the largest jitter allowed, so no silently distorted covariance.
        assertThatThrownBy(() -> GaussianRandomField.JitteredCholesky.of(new double[][] {{1, 1.1}, {1.1, 1}}, 1.0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not factor");
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> GaussianRandomField.onUnitInterval(10, -1.0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lengthScale must be > 0 and finite, got -1.0");
        assertThatThrownBy(() -> GaussianRandomField.onUnitInterval(10, 0.2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("variance must be > 0");
        assertThatThrownBy(() -> GaussianRandomField.onUnitInterval(1, 0.2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grid size must be >= 2, got 1");
        assertThatThrownBy(() -> new GaussianRandomField(new double[] {0, Double.NaN}, 0.2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("points must contain only finite");
        assertThatThrownBy(() -> GaussianRandomField.onUnitInterval(10, Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lengthScale must be > 0");
    }
}
