package org.dl4jsnn.data;

import org.dl4jsnn.solver.Checks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * Minibatches of whole functions for a separable operator network on an (x, t) grid: each batch holds
 * B functions, features {@code {f at the sensors [B, m], x grid [Nx, 1], t grid [Nt, 1]}} and labels
 * {@code [B, Nx * Nt]} with column {@code i * Nt + j} at {@code (x_i, t_j)}.
 *
 * <p>The grids are the same in every batch (fresh copies each time). An epoch visits every function
 * once, in a seeded random order when shuffling; the last batch may be smaller.
 */
public final class SepOnetIterator implements MultiDataSetIterator {

    private static final long serialVersionUID = 1L;

    private final GridOperatorSamples samples;
    private final int batchSize;
    private final DataType dataType;
    private final EpochCursor cursor;
    private transient MultiDataSetPreProcessor preProcessor;

    /** Shuffled each epoch with {@code seed}, float32 arrays. */
    public SepOnetIterator(GridOperatorSamples samples, int batchSize, long seed) {
        this(samples, batchSize, true, seed, DataType.FLOAT);
    }

    public SepOnetIterator(GridOperatorSamples samples, int batchSize, boolean shuffle, long seed, DataType dataType) {
        this.samples = Checks.notNull("samples", samples);
        this.batchSize = Checks.positive("batchSize", batchSize);
        this.dataType = NdArrays.checkFloatingPoint(dataType);
        this.cursor = new EpochCursor(samples.functionCount(), shuffle, seed);
    }

    @Override
    public MultiDataSet next(int num) {
        int[] idx = cursor.next(num);
        int m = samples.sensorCount();
        int grid = samples.nx() * samples.nt();
        double[] fs = samples.flatFunctions();
        double[] us = samples.flatSolutions();
        double[] f = new double[idx.length * m];
        double[] u = new double[idx.length * grid];
        for (int b = 0; b < idx.length; b++) {
            System.arraycopy(fs, idx[b] * m, f, b * m, m);
            System.arraycopy(us, idx[b] * grid, u, b * grid, grid);
        }
        MultiDataSet mds = new MultiDataSet(
                new INDArray[] {
                        NdArrays.create(f, dataType, idx.length, m),
                        samples.xColumn(dataType),
                        samples.tColumn(dataType)},
                new INDArray[] {NdArrays.create(u, dataType, idx.length, grid)});
        if (preProcessor != null) {
            preProcessor.preProcess(mds);
        }
        return mds;
    }

    @Override
    public MultiDataSet next() {
        return next(batchSize);
    }

    @Override
    public boolean hasNext() {
        return cursor.hasNext();
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return preProcessor;
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

    public int batch() {
        return batchSize;
    }

    public GridOperatorSamples samples() {
        return samples;
    }

    public DataType dataType() {
        return dataType;
    }

    public int epoch() {
        return cursor.epoch();
    }
}
