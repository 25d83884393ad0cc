package org.dl4jsnn.arbiter.data;

import java.nio.file.Path;
import java.util.Properties;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.dl4jsnn.arbiter.candidate.DeepOnetCandidate;
import org.dl4jsnn.data.DatasetCache;
import org.dl4jsnn.data.DeepOnetIterator;
import org.dl4jsnn.data.OperatorSamples;
import org.dl4jsnn.data.PoissonDataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * The Poisson operator task's training functions (docs/design.md section 5) as Arbiter's DataSource for
 * DeepONet searches: minibatches of (function, point) pairs from the first functions, and the last
 * {@code validationFraction} of them as the {@link ValidationSet}. The test functions are never used.
 *
 * <p>Properties: trainFunctions (800), sensors (100), validationFraction (0.1), batch (1000),
 * dataSeed (42), shuffleSeed (1), cacheDir (optional).
 */
public class PoissonSearchData implements DataSource {

    private static final long serialVersionUID = 1L;

    public static final String TRAIN_FUNCTIONS = "trainFunctions";
    public static final String SENSORS = "sensors";

    private OperatorSamples train;
    private OperatorSamples validation;
    private int batch;
    private long shuffleSeed;

    @Override
    public void configure(Properties properties) {
        SearchDataProperties p = new SearchDataProperties(properties);
        int n = p.positiveInt(TRAIN_FUNCTIONS, 800);
        int cut = SearchDataProperties.cut("Poisson", n,
                p.fraction(MexicanHatSearchData.VALIDATION_FRACTION, 0.1));
        batch = p.positiveInt(MexicanHatSearchData.BATCH, 1000);
        shuffleSeed = p.longValue(MexicanHatSearchData.SHUFFLE_SEED, 1);
        // one test function: the generator needs >= 1, and the search never looks at it
        PoissonDataset.Config config = PoissonDataset.Config.defaults().withSizes(n, 1)
                .withSensors(p.positiveInt(SENSORS, 100)).withSeed(p.longValue(MexicanHatSearchData.DATA_SEED, 42));
        String cacheDir = p.string(MexicanHatSearchData.CACHE_DIR);
        PoissonDataset data = cacheDir == null ? PoissonDataset.generate(config)
                : PoissonDataset.load(config, new DatasetCache(Path.of(cacheDir)));
        train = data.train().rows(0, cut);
        validation = data.train().rows(cut, n);
    }

    @Override
    public MultiDataSetIterator trainData() {
        requireConfigured();
        return new DeepOnetIterator(train, batch, true, shuffleSeed, DataType.FLOAT, DeepOnetCandidate.BRANCH_ROWS);
    }

    @Override
    public ValidationSet testData() {
        requireConfigured();
        return new OperatorValidationSet(validation);
    }

    @Override
    public Class<?> getDataType() {
        return MultiDataSetIterator.class;
    }

    private void requireConfigured() {
        if (train == null) {
            throw new IllegalStateException("call configure(properties) first");
        }
    }
}
