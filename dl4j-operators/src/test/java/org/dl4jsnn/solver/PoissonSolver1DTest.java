package org.dl4jsnn.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class PoissonSolver1DTest {

    private static double maxErrorForSine(int n) {
        double[] x = Grids.linspace(0, 1, n);
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = Math.PI * Math.PI * Math.sin(Math.PI * x[i]);
        }
        double[] u = PoissonSolver1D.solve(f);
        double err = 0;
        for (int i = 0; i < n; i++) {
            err = Math.max(err, Math.abs(u[i] - Math.sin(Math.PI * x[i])));
        }
        return err;
    }

    @Test
    void sineSourceConvergesAtSecondOrder() {
        int[] sizes = {33, 65, 129, 257};
        double[] errors = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            errors[s] = maxErrorForSine(sizes[s]);
        }
        System.out.println("Poisson max errors for n=" + Arrays.toString(sizes) + ": "
                + Arrays.toString(errors));
        for (int s = 0; s + 1 < sizes.length; s++) {
            double order = Math.log(errors[s] / errors[s + 1]) / Math.log(2);
            System.out.println("Poisson order " + sizes[s] + " -> " + sizes[s + 1] + ": " + order);
            assertThat(order).as("order between n=%d and n=%d", sizes[s], sizes[s + 1]).isGreaterThanOrEqualTo(1.9);
        }
    }

    @Test
    void sineErrorMatchesTheDiscreteEigenvalueAnalysis() {
        // sin(pi x) is an eigenvector of the (-1, 2, -1)/h^2 matrix with eigenvalue 4 sin^2(pi h / 2) / h^2, so
        // the discrete solution is sin(pi x) scaled by pi^2 h^2 / (4 sin^2(pi h / 2)) = 1 + pi^2 h^2 / 12 + O(h^4).
        int n = 129;
        double h = 1.0 / (n - 1);
        double expected = Math.PI * Math.PI * h * h / (4 * Math.pow(Math.sin(Math.PI * h / 2), 2)) - 1;
        assertThat(maxErrorForSine(n)).isCloseTo(expected, Percentage.withPercentage(1));
    }

    @Test
    void quadraticSolutionIsReproducedExactly() {
        // The central difference is exact for quadratics: f = 2 gives u = x (1 - x) up to rounding.
        int n = 50;
        double[] f = new double[n];
        Arrays.fill(f, 2.0);
        double[] u = PoissonSolver1D.solve(f);
        double[] x = Grids.linspace(0, 1, n);
        for (int i = 0; i < n; i++) {
            assertThat(u[i]).isCloseTo(x[i] * (1 - x[i]), Offset.offset(1e-13));
        }
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> PoissonSolver1D.solve(new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grid size").hasMessageContaining(">= 3");
        assertThatThrownBy(() -> PoissonSolver1D.solve(new double[] {0, Double.NaN, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("f must contain only finite");
        assertThatThrownBy(() -> PoissonSolver1D.solve(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("f must not be null");
    }

    @Test
    void tridiagonalMatchesDirectResidual() {
        double[] lower = {0, 1, -2, 0.5};
        double[] diag = {4, 5, 6, 3};
        double[] upper = {1, 1, 1, 0};
        double[] rhs = {1, 2, 3, 4};
        double[] x = Tridiagonal.solve(lower, diag, upper, rhs);
        for (int i = 0; i < 4; i++) {
            double r = diag[i] * x[i] + (i > 0 ? lower[i] * x[i - 1] : 0) + (i < 3 ? upper[i] * x[i + 1] : 0);
            assertThat(r).isCloseTo(rhs[i], Offset.offset(1e-12));
        }
        assertThatThrownBy(() -> Tridiagonal.solve(new double[2], new double[] {0, 1}, new double[2], new double[2]))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("pivot");
    }
}
