package org.dl4jsnn.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Manufactured solution u(x, t) = sin(pi x) sin(pi t): zero at t = 0 and x = 0, 1, with non-zero
 * derivatives of every order in both variables, so neither discretisation is accidentally exact.
 * Substituting into the equation gives f = u_t - D u_xx - k u^2
 * = pi sin(pi x) cos(pi t) + D pi^2 sin(pi x) sin(pi t) - k sin^2(pi x) sin^2(pi t).
 *
 * <p>Measured orders must be >= 1.8: the scheme is second order in dx and dt, and at the finite
 * resolutions used the higher-order terms and the (deliberately small but non-zero) error of the
 * other discretisation shift the measured value slightly; 1.8 tolerates that yet rejects any
 * first-order error (a backward-Euler-like weighting or a wrong Newton residual would give ~1).
 */
class DiffusionReactionSolverTest {

    private static double exact(double x, double t) {
        return Math.sin(Math.PI * x) * Math.sin(Math.PI * t);
    }

    private static DoubleBinaryOperator source(double d, double k) {
        return (x, t) -> {
            double sx = Math.sin(Math.PI * x);
            double st = Math.sin(Math.PI * t);
            return Math.PI * sx * Math.cos(Math.PI * t) + d * Math.PI * Math.PI * sx * st - k * sx * sx * st * st;
        };
    }

    private static double maxError(double d, double k, int solverNx, int solverNt) {
        // An 11 x 11 output grid is nested in every internal grid used, so errors are read at grid nodes.
        DiffusionReactionSolver.Config config = DiffusionReactionSolver.Config.defaults()
                .withCoefficients(d, k).withSolverGrid(solverNx, solverNt).withOutputGrid(11, 11);
        DiffusionReactionSolver solver = new DiffusionReactionSolver(config);
        double[][] u = solver.solve(source(d, k));
        double[] x = solver.outputX();
        double[] t = solver.outputT();
        double err = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < t.length; j++) {
                err = Math.max(err, Math.abs(u[i][j] - exact(x[i], t[j])));
            }
        }
        return err;
    }

    private static void assertOrdersAtLeast(String what, double[] errors, double bound) {
        double[] orders = new double[errors.length - 1];
        for (int s = 0; s + 1 < errors.length; s++) {
            orders[s] = Math.log(errors[s] / errors[s + 1]) / Math.log(2);
        }
        String summary = what + ": errors " + Arrays.toString(errors) + ", orders "
                + Arrays.toString(orders);
        System.out.println(summary);
        for (double order : orders) {
            assertThat(order).as(summary).isGreaterThanOrEqualTo(bound);
        }
    }

    @Test
    void secondOrderInSpaceWithDefaultCoefficients() {
        // dt = 1/8000 keeps the time error (~dt^2) two orders below the finest spatial error.
        int[] nx = {11, 21, 41, 81};
        double[] errors = new double[nx.length];
        for (int s = 0; s < nx.length; s++) {
            errors[s] = maxError(0.01, 0.01, nx[s], 8001);
        }
        assertOrdersAtLeast("space orders", errors, 1.8);
    }

    @Test
    void secondOrderInTimeWithDefaultCoefficients() {
        // dx = 1/800 keeps the spatial error (~D dx^2) far below the finest time error.
        int[] nt = {11, 21, 41, 81};
        double[] errors = new double[nt.length];
        for (int s = 0; s < nt.length; s++) {
            errors[s] = maxError(0.01, 0.01, 801, nt[s]);
        }
        assertOrdersAtLeast("time orders", errors, 1.8);
    }

    @Test
    void secondOrderWithStrongDiffusionAndReaction() {
        // D = 0.5 and k = 2 make the diffusion and the Newton-resolved u^2 term dominate the error, so a
        // wrong Jacobian or residual for u^2 could not hide behind the small default coefficients.
        int[] n = {11, 21, 41, 81};
        double[] errors = new double[n.length];
        for (int s = 0; s < n.length; s++) {
            errors[s] = maxError(0.5, 2.0, n[s], n[s]);
        }
        assertOrdersAtLeast("joint dx = dt orders", errors, 1.8);
    }

    @Test
    void sampledSourceEqualsFunctionSourceWhenInterpolationIsExact() {
        // A source linear in x is reproduced exactly by linear interpolation from any sensor grid.
        DiffusionReactionSolver solver = new DiffusionReactionSolver(
                DiffusionReactionSolver.Config.defaults().withSolverGrid(81, 41).withOutputGrid(21, 11));
        double[] sensors = Grids.linspace(0, 1, 7);
        double[] f = new double[sensors.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = 1 + 2 * sensors[i];
        }
        double[][] fromSamples = solver.solve(f);
        double[][] fromFunction = solver.solve((x, t) -> 1 + 2 * x);
        for (int i = 0; i < 21; i++) {
            assertThat(fromSamples[i]).containsExactly(fromFunction[i], Offset.offset(1e-14));
        }
        // And the initial/boundary conditions hold on the output grid.
        for (int i = 0; i < 21; i++) {
            assertThat(fromSamples[i][0]).isZero();
        }
        assertThat(fromSamples[0]).containsOnly(0.0);
        assertThat(fromSamples[20]).containsOnly(0.0);
        assertThat(fromSamples[10][10]).isPositive();
    }

    @Test
    void nonNestedOutputGridInterpolatesBetweenInternalNodes() {
        // 7 output times do not nest in 41 internal levels; bilinear sampling must still track the
        // exact solution to within the interpolation error (~h^2/8 * |u''| <= 0.01 here).
        DiffusionReactionSolver.Config config = DiffusionReactionSolver.Config.defaults()
                .withSolverGrid(41, 41).withOutputGrid(7, 7);
        DiffusionReactionSolver solver = new DiffusionReactionSolver(config);
        double[][] u = solver.solve(source(0.01, 0.01));
        double[] x = solver.outputX();
        double[] t = solver.outputT();
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                assertThat(u[i][j]).isCloseTo(exact(x[i], t[j]), Offset.offset(0.01));
            }
        }
    }

    @Test
    void rejectsBadConfigurationAndSources() {
        assertThatThrownBy(() -> DiffusionReactionSolver.Config.defaults().withSolverGrid(2, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("solverNx must be >= 3, got 2");
        assertThatThrownBy(() -> DiffusionReactionSolver.Config.defaults().withCoefficients(-1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("diffusivity must be >= 0");
        DiffusionReactionSolver solver = new DiffusionReactionSolver(
                DiffusionReactionSolver.Config.defaults().withSolverGrid(11, 11).withOutputGrid(11, 11));
        assertThatThrownBy(() -> solver.solve(new double[] {0, Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("f must contain only finite");
        assertThatThrownBy(() -> solver.solve((x, t) -> Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source must be finite");
    }
}
