package org.dl4jsnn.solver;

import java.util.function.DoubleBinaryOperator;

/**
 * Solves {@code u_t = D u_xx + k u^2 + f(x, t)} on {@code (x, t) in [0, 1]^2} with {@code u = 0} at
 * {@code t = 0} and at {@code x = 0, 1}.
 *
 * <p>Crank-Nicolson in time and second-order central differences in space on an internal uniform grid
 * of {@code solverNx x solverNt} points; the implicit {@code u^2} term is resolved by Newton's method
 * each step, whose Jacobian is tridiagonal. The solution is reported on a separate output grid of
 * {@code outputNx x outputNt} equispaced points, sampled from the internal grid by bilinear
 * interpolation, which is exact (a pick) when the output grid is nested in the internal one, as with
 * the defaults (internal 401 x 401, output 101 x 101).
 */
public final class DiffusionReactionSolver {

    /**
     * @param diffusivity           D, >= 0
     * @param reactionRate          k, any finite value
     * @param solverNx              internal points in x, endpoints included, >= 3
     * @param solverNt              internal time levels, t = 0 and t = 1 included, >= 2
     * @param outputNx              output points in x, >= 2
     * @param outputNt              output time levels, >= 2
     * @param newtonTolerance       Newton stops when max|update| <= tolerance * max(1, max|u|); > 0
     * @param maxNewtonIterations   failure to converge within this many iterations is an error; >= 1
     */
    public record Config(double diffusivity, double reactionRate, int solverNx, int solverNt, int outputNx,
                         int outputNt, double newtonTolerance, int maxNewtonIterations) {

        public Config {
            Checks.nonNegative("diffusivity", diffusivity);
            Checks.finite("reactionRate", reactionRate);
            Checks.atLeast("solverNx", solverNx, 3);
            Checks.atLeast("solverNt", solverNt, 2);
            Checks.atLeast("outputNx", outputNx, 2);
            Checks.atLeast("outputNt", outputNt, 2);
            Checks.positive("newtonTolerance", newtonTolerance);
            Checks.atLeast("maxNewtonIterations", maxNewtonIterations, 1);
        }

        /** D = k = 0.01, internal 401 x 401 (dx = dt = 1/400), output 101 x 101 (x_i = i/100, t_j = j/100). */
        public static Config defaults() {
            return new Config(0.01, 0.01, 401, 401, 101, 101, 1e-10, 20);
        }

        public Config withCoefficients(double newDiffusivity, double newReactionRate) {
            return new Config(newDiffusivity, newReactionRate, solverNx, solverNt, outputNx, outputNt,
                    newtonTolerance, maxNewtonIterations);
        }

        public Config withSolverGrid(int nx, int nt) {
            return new Config(diffusivity, reactionRate, nx, nt, outputNx, outputNt, newtonTolerance,
                    maxNewtonIterations);
        }

        public Config withOutputGrid(int nx, int nt) {
            return new Config(diffusivity, reactionRate, solverNx, solverNt, nx, nt, newtonTolerance,
                    maxNewtonIterations);
        }
    }

    private final Config config;

    public DiffusionReactionSolver(Config config) {
        this.config = Checks.notNull("config", config);
    }

    public Config config() {
        return config;
    }

    /** Output points in x: {@code i / (outputNx - 1)}. */
    public double[] outputX() {
        return Grids.linspace(0, 1, config.outputNx());
    }

    /** Output times: {@code j / (outputNt - 1)}. */
    public double[] outputT() {
        return Grids.linspace(0, 1, config.outputNt());
    }

    /**
     * Solves with a time-independent source given at {@code f.length >= 2} equispaced points of [0, 1]
     * (endpoints included), interpolated linearly onto the internal grid. The result is thus the
     * solution for the piecewise-linear interpolant of the samples: a function of the samples alone.
     *
     * @return {@code u[i][j]} at {@code (x_i, t_j)} of the output grid
     */
    public double[][] solve(double[] f) {
        Checks.notNull("f", f);
        Checks.atLeast("f.length (sensor count)", f.length, 2);
        Checks.finite("f", f);
        double[] x = Grids.linspace(0, 1, config.solverNx());
        double[] onGrid = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            onGrid[i] = Grids.interpolateUnit(f, x[i]);
        }
        return integrate((xs, t, out) -> System.arraycopy(onGrid, 0, out, 0, out.length));
    }

    /**
     * Solves with a source {@code f(x, t)}, evaluated at the internal grid points.
     *
     * @return {@code u[i][j]} at {@code (x_i, t_j)} of the output grid
     */
    public double[][] solve(DoubleBinaryOperator source) {
        Checks.notNull("source", source);
        return integrate((xs, t, out) -> {
            for (int i = 0; i < xs.length; i++) {
                out[i] = source.applyAsDouble(xs[i], t);
            }
        });
    }

    /** Fills {@code out[i]} with the source at {@code (xs[i], t)}. */
    private interface SourceLevel {
        void fill(double[] xs, double t, double[] out);
    }

    private double[][] integrate(SourceLevel source) {
        int nx = config.solverNx();
        int nt = config.solverNt();
        double d = config.diffusivity();
        double k = config.reactionRate();
        double dx = 1.0 / (nx - 1);
        double dt = 1.0 / (nt - 1);
        double[] xs = Grids.linspace(0, 1, nx);
        double diffusion = d / (dx * dx);

        OutputSampler sampler = new OutputSampler(config);
        double[] prev = new double[nx];
        double[] fPrev = new double[nx];
        double[] fNext = new double[nx];
        source.fill(xs, 0.0, fPrev);
        checkSource(fPrev, 0.0);

        int interior = nx - 2;
        double[] explicit = new double[nx];
        double[] lower = new double[interior];
        double[] diag = new double[interior];
        double[] upper = new double[interior];
        double[] residual = new double[interior];

        for (int n = 0; n < nt - 1; n++) {
            double tNext = (n + 1) * dt;
            source.fill(xs, tNext, fNext);
            checkSource(fNext, tNext);
            // Everything of the Crank-Nicolson residual that does not depend on the new level.
            for (int i = 1; i < nx - 1; i++) {
                double lap = diffusion * (prev[i - 1] - 2 * prev[i] + prev[i + 1]);
                explicit[i] = prev[i] / dt
                        + 0.5 * (lap + k * prev[i] * prev[i] + fPrev[i])
                        + 0.5 * fNext[i];
            }
            double[] next = prev.clone();
            newton(next, explicit, diffusion, k, dt, lower, diag, upper, residual, tNext);
            sampler.accept(n + 1, prev, next);
            prev = next;
            double[] swap = fPrev;
            fPrev = fNext;
            fNext = swap;
        }
        return sampler.result();
    }

    /**
     * Solves {@code R(v) = v/dt - (D lap(v) + k v^2)/2 - explicit = 0} for the interior of {@code v}
     * in place, starting from the previous level.
     */
    private void newton(double[] v, double[] explicit, double diffusion, double k, double dt, double[] lower,
                        double[] diag, double[] upper, double[] residual, double t) {
        int nx = v.length;
        for (int iter = 0; iter < config.maxNewtonIterations(); iter++) {
            for (int i = 1; i < nx - 1; i++) {
                double lap = diffusion * (v[i - 1] - 2 * v[i] + v[i + 1]);
                int r = i - 1;
                residual[r] = -(v[i] / dt - 0.5 * (lap + k * v[i] * v[i]) - explicit[i]);
                lower[r] = -0.5 * diffusion;
                upper[r] = -0.5 * diffusion;
                diag[r] = 1 / dt + diffusion - k * v[i];
            }
            double[] delta = Tridiagonal.solve(lower, diag, upper, residual);
            double maxDelta = 0;
            double maxV = 0;
            for (int i = 1; i < nx - 1; i++) {
                v[i] += delta[i - 1];
                maxDelta = Math.max(maxDelta, Math.abs(delta[i - 1]));
                maxV = Math.max(maxV, Math.abs(v[i]));
            }
            if (!Double.isFinite(maxV)) {
                break;
            }
            if (maxDelta <= config.newtonTolerance() * Math.max(1, maxV)) {
                return;
            }
        }
        throw new ArithmeticException("Newton iteration did not converge at t=" + t + " within "
                + config.maxNewtonIterations() + " iterations (solution blowing up? reduce the source, k or dt)");
    }

    private static void checkSource(double[] f, double t) {
        for (int i = 0; i < f.length; i++) {
            if (!Double.isFinite(f[i])) {
                throw new IllegalArgumentException("source must be finite, got " + f[i] + " at t=" + t
                        + ", internal x index " + i);
            }
        }
    }

    /**
     * Collects the output grid while the integration runs, so only two internal time levels are ever
     * held. Output time {@code t_j} lies between internal levels {@code lo_j} and {@code lo_j + 1} with
     * weight {@code w_j}; it is written once level {@code lo_j + 1} exists.
     */
    private static final class OutputSampler {
        private final int solverNx;
        private final double[] outX;
        private final int[] lo;
        private final double[] weight;
        private final double[][] u;
        private int nextOutput;

        OutputSampler(Config config) {
            this.solverNx = config.solverNx();
            this.outX = Grids.linspace(0, 1, config.outputNx());
            int outNt = config.outputNt();
            int steps = config.solverNt() - 1;
            this.lo = new int[outNt];
            this.weight = new double[outNt];
            for (int j = 0; j < outNt; j++) {
                // Integer numerator first: exact for nested grids, so w is exactly 0 there.
                double s = (double) j * steps / (outNt - 1);
                int l = Math.min((int) Math.floor(s), steps - 1);
                lo[j] = l;
                weight[j] = s - l;
            }
            this.u = new double[config.outputNx()][outNt];
        }

        void accept(int level, double[] previous, double[] current) {
            while (nextOutput < lo.length && lo[nextOutput] + 1 == level) {
                int j = nextOutput++;
                double w = weight[j];
                for (int i = 0; i < outX.length; i++) {
                    u[i][j] = (1 - w) * atX(previous, outX[i]) + w * atX(current, outX[i]);
                }
            }
        }

        private double atX(double[] level, double x) {
            double s = x * (solverNx - 1);
            int i0 = Math.min((int) Math.floor(s), solverNx - 2);
            double w = s - i0;
            return (1 - w) * level[i0] + w * level[i0 + 1];
        }

        double[][] result() {
            return u;
        }
    }
}
