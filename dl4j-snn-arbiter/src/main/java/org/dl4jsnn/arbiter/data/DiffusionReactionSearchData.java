package org.dl4jsnn.arbiter.data;

import java.nio.file.Path;
import java.util.Properties;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.dl4jsnn.data.DatasetCache;
import org.dl4jsnn.data.DiffusionReactionDataset;
import org.dl4jsnn.data.GridOperatorSamples;
import org.dl4jsnn.data.SepOnetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * The diffusion-reaction task's training functions (docs/design.md section 5) as Arbiter's DataSource for
 * SepONet searches: minibatches of whole functions on the (x, t) grid from the first functions, the last
 * {@code validationFraction} as the {@link ValidationSet}. The test functions are never used.
 *
 * <p>Properties: trainFunctions (100), validationFraction (0.1), batch (functions per minibatch, 10),
 * dataSeed (42), shuffleSeed (1), cacheDir (optional), grid (optional "nx,nt,solverNx,solverNt" and
 * sensors, for small test problems).
 */
public class DiffusionReactionSearchData implements DataSource {

    private static final long serialVersionUID = 1L;

    public static final String GRID = "grid";

    private GridOperatorSamples train;
    private GridOperatorSamples validation;
    private int batch;
    private long shuffleSeed;

    @Override
    public void configure(Properties properties) {
        SearchDataProperties p = new SearchDataProperties(properties);
        int n = p.positiveInt(PoissonSearchData.TRAIN_FUNCTIONS, 100);
        int cut = SearchDataProperties.cut("diffusion-reaction", n,
                p.fraction(MexicanHatSearchData.VALIDATION_FRACTION, 0.1));
        batch = p.positiveInt(MexicanHatSearchData.BATCH, 10);
        shuffleSeed = p.longValue(MexicanHatSearchData.SHUFFLE_SEED, 1);
        DiffusionReactionDataset.Config config = DiffusionReactionDataset.Config.defaults().withSizes(n, 1)
                .withSeed(p.longValue(MexicanHatSearchData.DATA_SEED, 42));
        String grid = p.string(GRID);
        if (grid != null) {
            String[] g = grid.split(",");
            if (g.length != 4) {
                throw new IllegalArgumentException("data property grid must be nx,nt,solverNx,solverNt, got " + grid);
            }
            config = config.withGrids(Integer.parseInt(g[0].trim()), Integer.parseInt(g[1].trim()),
                    Integer.parseInt(g[2].trim()), Integer.parseInt(g[3].trim()));
            config = new DiffusionReactionDataset.Config(p.positiveInt(PoissonSearchData.SENSORS, config.sensors()),
                    config.trainSize(), config.testSize(), config.lengthScale(), config.variance(),
                    config.diffusivity(), config.reactionRate(), config.nx(), config.nt(), config.solverNx(),
                    config.solverNt(), config.seed());
        }
        String cacheDir = p.string(MexicanHatSearchData.CACHE_DIR);
        DiffusionReactionDataset data = cacheDir == null ? DiffusionReactionDataset.generate(config)
                : DiffusionReactionDataset.load(config, new DatasetCache(Path.of(cacheDir)));
        train = data.train().rows(0, cut);
        validation = data.train().rows(cut, n);
    }

    @Override
    public MultiDataSetIterator trainData() {
        requireConfigured();
        return new SepOnetIterator(train, batch, shuffleSeed);
    }

    @Override
    public GridValidationSet testData() {
        requireConfigured();
        return new GridValidationSet(validation);
    }

    @Override
    public Class<?> getDataType() {
        return MultiDataSetIterator.class;
    }

    /** Sensors and output grid of the configured data: what the SepONet must be built for. */
    public int[] shape() {
        requireConfigured();
        return new int[] {train.sensorCount(), train.nx(), train.nt()};
    }

    private void requireConfigured() {
        if (train == null) {
            throw new IllegalStateException("call configure(properties) first");
        }
    }
}
