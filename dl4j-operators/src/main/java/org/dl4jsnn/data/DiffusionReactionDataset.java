package org.dl4jsnn.data;

import java.util.Random;
import org.dl4jsnn.solver.Checks;
import org.dl4jsnn.solver.DiffusionReactionSolver;
import org.dl4jsnn.solver.GaussianRandomField;
import org.dl4jsnn.solver.Grids;

/**
 * The diffusion-reaction operator task: {@code u_t = D u_xx + k u^2 + f(x)} on [0, 1]^2, u = 0 at
 * t = 0 and x = 0, 1; f a zero-mean RBF GRF sampled at m equispaced sensors (x_i = i / (m - 1)); u on
 * the Nx x Nt output grid, flattened with index {@code i * Nt + j} for {@code (x_i, t_j)}.
 *
 * <p>The solver sees the piecewise-linear interpolant of the sensor values, so each u is a function of
 * the network's input alone, solved on the internal {@code solverNx x solverNt} grid
 * (see {@link DiffusionReactionSolver}).
 */
public final class DiffusionReactionDataset {

    public static final String KIND = "diffusion-reaction-v1";

    /** The paper's GRF length scale ("a Gaussian kernel with length scale 1"): the default. */
    public static final double PAPER_LENGTH_SCALE = 1.0;

    /** A rougher, harder family of source terms, kept as an option (this project's earlier default). */
    public static final double ROUGH_LENGTH_SCALE = 0.2;

    /**
     * @param sensors      m, equispaced on [0, 1], >= 2
     * @param trainSize    number of training functions, >= 1
     * @param testSize     number of test functions, >= 1
     * @param lengthScale  GRF length scale, > 0
     * @param variance     GRF variance, > 0
     * @param diffusivity  D, >= 0
     * @param reactionRate k
     * @param nx           output points in x, >= 2
     * @param nt           output points in t, >= 2
     * @param solverNx     internal points in x, >= 3
     * @param solverNt     internal time levels, >= 2
     * @param seed         seed; train and test functions come from independent streams derived from it
     */
    public record Config(int sensors, int trainSize, int testSize, double lengthScale, double variance,
                         double diffusivity, double reactionRate, int nx, int nt, int solverNx, int solverNt,
                         long seed) {

        public Config {
            Checks.atLeast("sensors", sensors, 2);
            Checks.positive("trainSize", trainSize);
            Checks.positive("testSize", testSize);
            Checks.positive("lengthScale", lengthScale);
            Checks.positive("variance", variance);
            // The solver config validates D, k and the grids with the same messages.
            solverConfig(diffusivity, reactionRate, nx, nt, solverNx, solverNt);
        }

        /**
         * The paper's set (docs/design.md section 5): m = 101, 100 + 100 functions, GRF length scale 1,
         * variance 1, D = k = 0.01, 101 x 101 output, 401 x 401 solver, seed 42.
         */
        public static Config defaults() {
            return new Config(101, 100, 100, PAPER_LENGTH_SCALE, 1.0, 0.01, 0.01, 101, 101, 401, 401, 42);
        }

        /**
         * These settings with another GRF length scale, e.g. {@link #ROUGH_LENGTH_SCALE}. The length
         * scale is part of {@link #toString()}, hence of the cache key: each has its own cached file.
         */
        public Config withLengthScale(double newLengthScale) {
            return new Config(sensors, trainSize, testSize, newLengthScale, variance, diffusivity, reactionRate, nx,
                    nt, solverNx, solverNt, seed);
        }

        public Config withSeed(long newSeed) {
            return new Config(sensors, trainSize, testSize, lengthScale, variance, diffusivity, reactionRate, nx, nt,
                    solverNx, solverNt, newSeed);
        }

        public Config withSizes(int newTrainSize, int newTestSize) {
            return new Config(sensors, newTrainSize, newTestSize, lengthScale, variance, diffusivity, reactionRate,
                    nx, nt, solverNx, solverNt, seed);
        }

        public Config withGrids(int newNx, int newNt, int newSolverNx, int newSolverNt) {
            return new Config(sensors, trainSize, testSize, lengthScale, variance, diffusivity, reactionRate, newNx,
                    newNt, newSolverNx, newSolverNt, seed);
        }

        public DiffusionReactionSolver.Config solverConfig() {
            return solverConfig(diffusivity, reactionRate, nx, nt, solverNx, solverNt);
        }

        private static DiffusionReactionSolver.Config solverConfig(double d, double k, int nx, int nt, int solverNx,
                                                                    int solverNt) {
            DiffusionReactionSolver.Config base = DiffusionReactionSolver.Config.defaults();
            return new DiffusionReactionSolver.Config(d, k, solverNx, solverNt, nx, nt, base.newtonTolerance(),
                    base.maxNewtonIterations());
        }
    }

    private final Config config;
    private final GridOperatorSamples train;
    private final GridOperatorSamples test;

    private DiffusionReactionDataset(Config config, GridOperatorSamples train, GridOperatorSamples test) {
        this.config = config;
        this.train = train;
        this.test = test;
    }

    public static DiffusionReactionDataset generate(Config config) {
        Checks.notNull("config", config);
        GaussianRandomField grf = GaussianRandomField.onUnitInterval(config.sensors(), config.lengthScale(),
                config.variance());
        DiffusionReactionSolver solver = new DiffusionReactionSolver(config.solverConfig());
        return new DiffusionReactionDataset(config,
                sample(grf, solver, config.trainSize(), Seeds.derive(config.seed(), Seeds.TRAIN)),
                sample(grf, solver, config.testSize(), Seeds.derive(config.seed(), Seeds.TEST)));
    }

    private static GridOperatorSamples sample(GaussianRandomField grf, DiffusionReactionSolver solver, int count,
                                              long seed) {
        int m = grf.size();
        double[] x = solver.outputX();
        double[] t = solver.outputT();
        int grid = x.length * t.length;
        double[] functions = new double[count * m];
        double[] solutions = new double[count * grid];
        Random rng = new Random(seed);
        for (int s = 0; s < count; s++) {
            double[] f = grf.sample(rng);
            System.arraycopy(f, 0, functions, s * m, m);
            double[][] u = solver.solve(f);
            for (int i = 0; i < x.length; i++) {
                System.arraycopy(u[i], 0, solutions, s * grid + i * t.length, t.length);
            }
        }
        return GridOperatorSamples.ofFlat(functions, Grids.linspace(0, 1, m), x, t, solutions);
    }

    /** Loads from {@code cache}, generating and storing on a miss. */
    public static DiffusionReactionDataset load(Config config, DatasetCache cache) {
        Checks.notNull("config", config);
        Checks.notNull("cache", cache);
        ArrayBundle bundle = cache.getOrCreate(KIND, config.toString(), () -> generate(config).toBundle());
        return fromBundle(config, bundle);
    }

    public Config config() {
        return config;
    }

    public GridOperatorSamples train() {
        return train;
    }

    public GridOperatorSamples test() {
        return test;
    }

    ArrayBundle toBundle() {
        int grid = config.nx() * config.nt();
        return ArrayBundle.builder()
                .put("sensors", train.sensorsNoCopy(), config.sensors())
                .put("x", train.xNoCopy(), config.nx())
                .put("t", train.tNoCopy(), config.nt())
                .put("train.functions", train.flatFunctions(), config.trainSize(), config.sensors())
                .put("train.solutions", train.flatSolutions(), config.trainSize(), grid)
                .put("test.functions", test.flatFunctions(), config.testSize(), config.sensors())
                .put("test.solutions", test.flatSolutions(), config.testSize(), grid)
                .build();
    }

    static DiffusionReactionDataset fromBundle(Config config, ArrayBundle bundle) {
        int m = config.sensors();
        int grid = config.nx() * config.nt();
        double[] sensors = bundle.data("sensors", m);
        double[] x = bundle.data("x", config.nx());
        double[] t = bundle.data("t", config.nt());
        return new DiffusionReactionDataset(config,
                GridOperatorSamples.ofFlat(bundle.data("train.functions", config.trainSize(), m), sensors, x, t,
                        bundle.data("train.solutions", config.trainSize(), grid)),
                GridOperatorSamples.ofFlat(bundle.data("test.functions", config.testSize(), m), sensors.clone(),
                        x.clone(), t.clone(), bundle.data("test.solutions", config.testSize(), grid)));
    }
}
