package org.dl4jsnn.arbiter.spec;

import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.dl4jsnn.arbiter.candidate.SearchCandidate;
import org.dl4jsnn.arbiter.data.MexicanHatSearchData;
import org.dl4jsnn.arbiter.data.DiffusionReactionSearchData;
import org.dl4jsnn.arbiter.data.PoissonSearchData;
import org.dl4jsnn.data.DatasetCache;

/** The benchmark tasks a search can run on: each names its data source, network family and default space. */
public enum SearchTask {
    /** 2-input spiking MLP regressing the Mexican hat (docs/design.md section 5). */
    MEXICAN_HAT("mexican-hat", "mexican-hat", MexicanHatSearchData.class, MexicanHatSearchData.TRAIN_SIZE, 1000,
            false) {
        @Override
        public ParameterSpace<? extends SearchCandidate> space(SpaceFile file) {
            return file.mlpSpace(2, 1);
        }
    },
    /** Spiking DeepONet on the 1-D Poisson operator (docs/design.md sections 4 and 5). */
    POISSON_DEEPONET("poisson-deeponet", "deeponet", PoissonSearchData.class, PoissonSearchData.TRAIN_FUNCTIONS, 1000,
            true) {
        @Override
        public ParameterSpace<? extends SearchCandidate> space(SpaceFile file) {
            return file.deepOnetSpace(100);
        }
    },
    /** Spiking SepONet on the diffusion-reaction operator, 101 x 101 grid; a minibatch is whole functions. */
    DIFFUSION_REACTION_SEPONET("diffusion-reaction-seponet", "seponet", DiffusionReactionSearchData.class,
            PoissonSearchData.TRAIN_FUNCTIONS, 10, true) {
        @Override
        public ParameterSpace<? extends SearchCandidate> space(SpaceFile file) {
            return file.sepOnetSpace(101, 101, 101);
        }
    };

    private final String id;
    private final String defaultPreset;
    private final Class<? extends DataSource> dataSource;
    private final String trainSizeKey;
    private final int defaultBatch;
    private final boolean cached;

    SearchTask(String id, String defaultPreset, Class<? extends DataSource> dataSource, String trainSizeKey,
               int defaultBatch, boolean cached) {
        this.id = id;
        this.defaultPreset = defaultPreset;
        this.dataSource = dataSource;
        this.trainSizeKey = trainSizeKey;
        this.defaultBatch = defaultBatch;
        this.cached = cached;
    }

    /** Examples per minibatch unless told otherwise: points or (function, point) pairs, or functions (SepONet). */
    public int defaultBatch() {
        return defaultBatch;
    }

    public abstract ParameterSpace<? extends SearchCandidate> space(SpaceFile file);

    public String id() {
        return id;
    }

    public String defaultPreset() {
        return defaultPreset;
    }

    public Class<? extends DataSource> dataSource() {
        return dataSource;
    }

    /**
     * The data source's properties.
     *
     * @param trainSize training examples before the validation split (points, or functions); null = default
     */
    public Properties dataProperties(int batch, Integer trainSize, long dataSeed) {
        Properties p = new Properties();
        p.setProperty(MexicanHatSearchData.BATCH, String.valueOf(batch));
        p.setProperty(MexicanHatSearchData.DATA_SEED, String.valueOf(dataSeed));
        if (trainSize != null) {
            p.setProperty(trainSizeKey, String.valueOf(trainSize));
        }
        if (cached) {
            // the operator data take seconds to solve, and every candidate reads them twice
            p.setProperty(MexicanHatSearchData.CACHE_DIR, DatasetCache.defaultDirectory().toString());
        }
        return p;
    }

    public static SearchTask parse(String id) {
        for (SearchTask t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("task must be one of "
                + Arrays.stream(values()).map(SearchTask::id).collect(Collectors.joining(", ")) + ", got '" + id + "'");
    }
}
