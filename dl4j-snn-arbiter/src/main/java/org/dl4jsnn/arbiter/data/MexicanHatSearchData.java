package org.dl4jsnn.arbiter.data;

import java.nio.file.Path;
import java.util.Properties;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.dl4jsnn.data.DatasetCache;
import org.dl4jsnn.data.MexicanHat;
import org.dl4jsnn.data.MexicanHatIterator;
import org.dl4jsnn.data.PointSamples;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * The Mexican-hat training set (docs/design.md section 5) as Arbiter's DataSource: {@link #trainData} are
 * minibatches of its first rows, {@link #testData} the last {@code validationFraction} of it (the
 * {@link ValidationSet} that candidates are scored on). The task's test grid is never loaded.
 *
 * <p>Properties: trainSize (10000), validationFraction (0.1), batch (1000), dataSeed (42: the points),
 * shuffleSeed (1: the minibatch order, the same for every candidate), cacheDir (optional: the data cache).
 */
public class MexicanHatSearchData implements DataSource {

    private static final long serialVersionUID = 1L;

    public static final String TRAIN_SIZE = "trainSize";
    public static final String VALIDATION_FRACTION = "validationFraction";
    public static final String BATCH = "batch";
    public static final String DATA_SEED = "dataSeed";
    public static final String SHUFFLE_SEED = "shuffleSeed";
    public static final String CACHE_DIR = "cacheDir";

    private PointSamples train;
    private PointSamples validation;
    private int batch;
    private long shuffleSeed;

    @Override
    public void configure(Properties properties) {
        SearchDataProperties p = new SearchDataProperties(properties);
        int n = p.positiveInt(TRAIN_SIZE, 10_000);
        int cut = SearchDataProperties.cut("Mexican hat", n, p.fraction(VALIDATION_FRACTION, 0.1));
        batch = p.positiveInt(BATCH, 1000);
        shuffleSeed = p.longValue(SHUFFLE_SEED, 1);
        MexicanHat.Config config = MexicanHat.Config.defaults().withSizes(n, 2).withSeed(p.longValue(DATA_SEED, 42));
        String cacheDir = p.string(CACHE_DIR);
        MexicanHat data = cacheDir == null ? MexicanHat.generate(config)
                : MexicanHat.load(config, new DatasetCache(Path.of(cacheDir)));
        train = data.train().rows(0, cut);
        validation = data.train().rows(cut, n);
    }

    @Override
    public DataSetIterator trainData() {
        requireConfigured();
        return new MexicanHatIterator(train, batch, shuffleSeed);
    }

    @Override
    public ValidationSet testData() {
        requireConfigured();
        return new PointValidationSet(validation);
    }

    @Override
    public Class<?> getDataType() {
        return DataSetIterator.class;
    }

    private void requireConfigured() {
        if (train == null) {
            throw new IllegalStateException("call configure(properties) first");
        }
    }
}
