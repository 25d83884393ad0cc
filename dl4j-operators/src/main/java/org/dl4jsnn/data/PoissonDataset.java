package org.dl4jsnn.data;

import java.util.Random;
import org.dl4jsnn.solver.Checks;
import org.dl4jsnn.solver.GaussianRandomField;
import org.dl4jsnn.solver.Grids;
import org.dl4jsnn.solver.PoissonSolver1D;

/**
 * The 1-D Poisson operator task: {@code -u'' = f} on [0, 1], {@code u(0) = u(1) = 0}, f a zero-mean
 * GRF with RBF kernel; f is given at m equispaced sensors (endpoints included) and u is wanted at the
 * same m points.
 *
 * <p>Each f is sampled on a grid {@code solverRefinement} times finer than the sensors (the sensors
 * are a subset of it, so the f values the network sees are exact GRF values) and the finite-difference
 * solve runs on that finer grid: its O(h^2) error shrinks by {@code solverRefinement^2} (default 4,
 * 16x) for the price of a larger GRF factorisation, a fraction of a second. With
 * {@code solverRefinement = 1} the solve runs on the sensor grid itself.
 */
public final class PoissonDataset {

    public static final String KIND = "poisson-v1";

    /**
     * @param sensors          m, sensors = output points, equispaced on [0, 1], >= 3
     * @param trainSize        number of training functions, >= 1
     * @param testSize         number of test functions, >= 1
     * @param lengthScale      GRF length scale, > 0
     * @param variance         GRF variance, > 0
     * @param solverRefinement solver grid spacing = sensor spacing / solverRefinement, >= 1
     * @param seed             seed; train and test functions come from independent streams derived from it
     */
    public record Config(int sensors, int trainSize, int testSize, double lengthScale, double variance,
                         int solverRefinement, long seed) {

        public Config {
            Checks.atLeast("sensors", sensors, 3);
            Checks.positive("trainSize", trainSize);
            Checks.positive("testSize", testSize);
            Checks.positive("lengthScale", lengthScale);
            Checks.positive("variance", variance);
            Checks.positive("solverRefinement", solverRefinement);
        }

        /** m = 100, 800 + 800 functions, length scale 0.2, variance 1, refinement 4, seed 42. */
        public static Config defaults() {
            return new Config(100, 800, 800, 0.2, 1.0, 4, 42);
        }

        public Config withSeed(long newSeed) {
            return new Config(sensors, trainSize, testSize, lengthScale, variance, solverRefinement, newSeed);
        }

        public Config withSizes(int newTrainSize, int newTestSize) {
            return new Config(sensors, newTrainSize, newTestSize, lengthScale, variance, solverRefinement, seed);
        }

        public Config withSensors(int newSensors) {
            return new Config(newSensors, trainSize, testSize, lengthScale, variance, solverRefinement, seed);
        }
    }

    private final Config config;
    private final OperatorSamples train;
    private final OperatorSamples test;

    private PoissonDataset(Config config, OperatorSamples train, OperatorSamples test) {
        this.config = config;
        this.train = train;
        this.test = test;
    }

    public static PoissonDataset generate(Config config) {
        Checks.notNull("config", config);
        int r = config.solverRefinement();
        int fine = (config.sensors() - 1) * r + 1;
        GaussianRandomField grf = GaussianRandomField.onUnitInterval(fine, config.lengthScale(), config.variance());
        double[] sensors = Grids.linspace(0, 1, config.sensors());
        return new PoissonDataset(config,
                sample(grf, config, sensors, config.trainSize(), Seeds.derive(config.seed(), Seeds.TRAIN)),
                sample(grf, config, sensors, config.testSize(), Seeds.derive(config.seed(), Seeds.TEST)));
    }

    private static OperatorSamples sample(GaussianRandomField grf, Config config, double[] sensors, int count,
                                          long seed) {
        int m = config.sensors();
        int r = config.solverRefinement();
        double[] functions = new double[count * m];
        double[] solutions = new double[count * m];
        Random rng = new Random(seed);
        for (int s = 0; s < count; s++) {
            double[] f = grf.sample(rng);
            double[] u = PoissonSolver1D.solve(f);
            for (int i = 0; i < m; i++) {
                functions[s * m + i] = f[i * r];
                solutions[s * m + i] = u[i * r];
            }
        }
        return OperatorSamples.ofFlat(functions, sensors, sensors.clone(), solutions);
    }

    /** Loads from {@code cache}, generating and storing on a miss. */
    public static PoissonDataset load(Config config, DatasetCache cache) {
        Checks.notNull("config", config);
        Checks.notNull("cache", cache);
        ArrayBundle bundle = cache.getOrCreate(KIND, config.toString(), () -> generate(config).toBundle());
        return fromBundle(config, bundle);
    }

    public Config config() {
        return config;
    }

    /** Training functions; points = sensors. */
    public OperatorSamples train() {
        return train;
    }

    /** Test functions; points = sensors. */
    public OperatorSamples test() {
        return test;
    }

    ArrayBundle toBundle() {
        return ArrayBundle.builder()
                .put("sensors", train.sensorsNoCopy(), config.sensors())
                .put("train.functions", train.flatFunctions(), config.trainSize(), config.sensors())
                .put("train.solutions", train.flatSolutions(), config.trainSize(), config.sensors())
                .put("test.functions", test.flatFunctions(), config.testSize(), config.sensors())
                .put("test.solutions", test.flatSolutions(), config.testSize(), config.sensors())
                .build();
    }

    static PoissonDataset fromBundle(Config config, ArrayBundle bundle) {
        int m = config.sensors();
        double[] sensors = bundle.data("sensors", m);
        return new PoissonDataset(config,
                OperatorSamples.ofFlat(bundle.data("train.functions", config.trainSize(), m), sensors, sensors.clone(),
                        bundle.data("train.solutions", config.trainSize(), m)),
                OperatorSamples.ofFlat(bundle.data("test.functions", config.testSize(), m), sensors.clone(),
                        sensors.clone(), bundle.data("test.solutions", config.testSize(), m)));
    }
}
