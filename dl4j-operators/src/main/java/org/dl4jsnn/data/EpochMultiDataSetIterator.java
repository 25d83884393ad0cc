package org.dl4jsnn.data;

import org.dl4jsnn.solver.Checks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * What the operator iterators share: an epoch walked in a seeded order, a batch size, an array type and
 * the optional preprocessor. Subclasses only say how a batch of example indices becomes arrays.
 */
abstract class EpochMultiDataSetIterator implements MultiDataSetIterator {

    private static final long serialVersionUID = 1L;

    private final int batchSize;
    private final DataType dataType;
    private final EpochCursor cursor;
    private transient MultiDataSetPreProcessor preProcessor;

    EpochMultiDataSetIterator(int examples, int batchSize, boolean shuffle, long seed, DataType dataType) {
        this.batchSize = Checks.positive("batchSize", batchSize);
        this.dataType = DetachedArrays.checkFloatingPoint(dataType);
        this.cursor = new EpochCursor(examples, shuffle, seed);
    }

    /** The minibatch of these example indices. */
    abstract MultiDataSet assemble(int[] examples, DataType type);

    @Override
    public final MultiDataSet next(int num) {
        MultiDataSet mds = assemble(cursor.next(num), dataType);
        if (preProcessor != null) {
            preProcessor.preProcess(mds);
        }
        return mds;
    }

    @Override
    public final MultiDataSet next() {
        return next(batchSize);
    }

    @Override
    public final boolean hasNext() {
        return cursor.hasNext();
    }

    @Override
    public final void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public final MultiDataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public final boolean resetSupported() {
        return true;
    }

    /** Batches are cheap to build; a prefetch thread would only compete for the few cores. */
    @Override
    public final boolean asyncSupported() {
        return false;
    }

    /** Starts the next epoch (a new shuffled order when shuffling). */
    @Override
    public final void reset() {
        cursor.reset();
    }

    public final int batch() {
        return batchSize;
    }

    public final DataType dataType() {
        return dataType;
    }

    public final int epoch() {
        return cursor.epoch();
    }
}
