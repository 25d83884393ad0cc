package org.dl4jsnn.data;

import java.util.List;
import org.dl4jsnn.solver.Checks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Minibatches of point samples (e.g. {@link MexicanHat#train()}): features [b, d] (d = 2 for the
 * Mexican hat), labels [b, 1]. Each epoch visits every sample once, in a seeded random order when
 * shuffling; the last batch of an epoch may be smaller.
 */
public final class MexicanHatIterator implements DataSetIterator {

    private static final long serialVersionUID = 1L;

    private final PointSamples samples;
    private final int batchSize;
    private final DataType dataType;
    private final EpochCursor cursor;
    private DataSetPreProcessor preProcessor;

    /** Shuffled each epoch with {@code seed}, float32 arrays. */
    public MexicanHatIterator(PointSamples samples, int batchSize, long seed) {
        this(samples, batchSize, true, seed, DataType.FLOAT);
    }

    public MexicanHatIterator(PointSamples samples, int batchSize, boolean shuffle, long seed, DataType dataType) {
        this.samples = Checks.notNull("samples", samples);
        this.batchSize = Checks.positive("batchSize", batchSize);
        this.dataType = DetachedArrays.checkFloatingPoint(dataType);
        this.cursor = new EpochCursor(samples.size(), shuffle, seed);
    }

    @Override
    public DataSet next(int num) {
        int[] idx = cursor.next(num);
        int d = samples.dimension();
        double[] x = new double[idx.length * d];
        double[] y = new double[idx.length];
        for (int b = 0; b < idx.length; b++) {
            for (int k = 0; k < d; k++) {
                x[b * d + k] = samples.input(idx[b], k);
            }
            y[b] = samples.target(idx[b]);
        }
        DataSet ds = new DataSet(DetachedArrays.create(x, dataType, idx.length, d),
                DetachedArrays.create(y, dataType, idx.length, 1));
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public boolean hasNext() {
        return cursor.hasNext();
    }

    @Override
    public int inputColumns() {
        return samples.dimension();
    }

    @Override
    public int totalOutcomes() {
        return 1;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    /** Batches are cheap to build; a prefetch thread would only compete for the few cores. */
    @Override
    public boolean asyncSupported() {
        return false;
    }

    /** Starts the next epoch (a new shuffled order when shuffling). */
    @Override
    public void reset() {
        cursor.reset();
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    /** Regression: no class labels. */
    @Override
    public List<String> getLabels() {
        return null;
    }

    public PointSamples samples() {
        return samples;
    }

    public DataType dataType() {
        return dataType;
    }

    /** Number of completed resets, i.e. the index of the current epoch. */
    public int epoch() {
        return cursor.epoch();
    }
}
