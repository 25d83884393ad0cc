package org.dl4jsnn.data;

import java.util.Random;
import org.dl4jsnn.solver.Checks;
import org.dl4jsnn.solver.Grids;

/**
 * The Mexican-hat regression task: {@code f(x, y) = (1 - r^2) exp(-r^2 / 2)}, {@code r^2 = x^2 + y^2},
 * on the square {@code [low, high]^2} (default [-3, 3]^2).
 *
 * <p>Training set: {@code trainSize} points drawn uniformly from the square. Test set: the
 * {@code G x G} tensor grid of {@code linspace(low, high, G)} on both axes, row-major: point
 * {@code i * G + j} is {@code (x_i, y_j)}.
 */
public final class MexicanHat {

    /** Identifies the generator in the data cache; bump the suffix when generation changes. */
    public static final String KIND = "mexican-hat-v1";

    /**
     * @param trainSize    number of uniform random training points, >= 1
     * @param testGridSize points per axis of the test grid, >= 2
     * @param low          lower end of the square, finite, < high
     * @param high         upper end of the square, finite
     * @param seed         seed of the training points
     */
    public record Config(int trainSize, int testGridSize, double low, double high, long seed) {

        public Config {
            Checks.positive("trainSize", trainSize);
            Checks.atLeast("testGridSize", testGridSize, 2);
            Checks.finite("low", low);
            Checks.finite("high", high);
            if (!(low < high)) {
                throw new IllegalArgumentException("low must be < high, got low=" + low + ", high=" + high);
            }
        }

        /** 10,000 training points, 100 x 100 test grid, [-3, 3]^2, seed 42. */
        public static Config defaults() {
            return new Config(10_000, 100, -3, 3, 42);
        }

        public Config withSeed(long newSeed) {
            return new Config(trainSize, testGridSize, low, high, newSeed);
        }

        public Config withSizes(int newTrainSize, int newTestGridSize) {
            return new Config(newTrainSize, newTestGridSize, low, high, seed);
        }
    }

    private final Config config;
    private final PointSamples train;
    private final PointSamples test;

    private MexicanHat(Config config, PointSamples train, PointSamples test) {
        this.config = config;
        this.train = train;
        this.test = test;
    }

    public static double value(double x, double y) {
        double r2 = x * x + y * y;
        return (1 - r2) * Math.exp(-r2 / 2);
    }

    public static MexicanHat generate(Config config) {
        Checks.notNull("config", config);
        int n = config.trainSize();
        double[] trainInputs = new double[2 * n];
        double[] trainTargets = new double[n];
        Random rng = new Random(Seeds.derive(config.seed(), Seeds.TRAIN));
        double width = config.high() - config.low();
        for (int s = 0; s < n; s++) {
            double x = config.low() + width * rng.nextDouble();
            double y = config.low() + width * rng.nextDouble();
            trainInputs[2 * s] = x;
            trainInputs[2 * s + 1] = y;
            trainTargets[s] = value(x, y);
        }
        int g = config.testGridSize();
        double[] axis = Grids.linspace(config.low(), config.high(), g);
        double[] testInputs = new double[2 * g * g];
        double[] testTargets = new double[g * g];
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                int p = i * g + j;
                testInputs[2 * p] = axis[i];
                testInputs[2 * p + 1] = axis[j];
                testTargets[p] = value(axis[i], axis[j]);
            }
        }
        return new MexicanHat(config, PointSamples.ofFlat(trainInputs, 2, trainTargets),
                PointSamples.ofFlat(testInputs, 2, testTargets));
    }

    /** Loads from {@code cache}, generating and storing on a miss. */
    public static MexicanHat load(Config config, DatasetCache cache) {
        Checks.notNull("config", config);
        Checks.notNull("cache", cache);
        ArrayBundle bundle = cache.getOrCreate(KIND, config.toString(), () -> generate(config).toBundle());
        return fromBundle(config, bundle);
    }

    public Config config() {
        return config;
    }

    public PointSamples train() {
        return train;
    }

    public PointSamples test() {
        return test;
    }

    ArrayBundle toBundle() {
        return ArrayBundle.builder()
                .put("train.inputs", train.flatInputs(), train.size(), 2)
                .put("train.targets", train.flatTargets(), train.size())
                .put("test.inputs", test.flatInputs(), test.size(), 2)
                .put("test.targets", test.flatTargets(), test.size())
                .build();
    }

    static MexicanHat fromBundle(Config config, ArrayBundle bundle) {
        int n = config.trainSize();
        int g2 = config.testGridSize() * config.testGridSize();
        return new MexicanHat(config,
                PointSamples.ofFlat(bundle.data("train.inputs", n, 2), 2, bundle.data("train.targets", n)),
                PointSamples.ofFlat(bundle.data("test.inputs", g2, 2), 2, bundle.data("test.targets", g2)));
    }
}
