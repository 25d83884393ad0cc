package org.dl4jsnn.data;

import org.dl4jsnn.solver.Checks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * Minibatches of (function, point, value) triples for a DeepONet: features
 * {@code {branch: f_s at the sensors [b, m], trunk: y_p [b, 1]}}, labels {@code [b, 1] = u_s(y_p)}.
 *
 * <p>An epoch visits all n * q (function, point) pairs once, in a seeded random order when shuffling;
 * the last batch may be smaller. For whole-function evaluation use {@link #samples()}:
 * {@code functionsArray} [n, m], {@code pointsArray} [q] / {@code pointsColumn} [q, 1],
 * {@code solutionsArray} [n, q].
 */
public final class DeepOnetIterator extends EpochMultiDataSetIterator {

    private static final long serialVersionUID = 1L;

    private final OperatorSamples samples;

    /** Shuffled each epoch with {@code seed}, float32 arrays. */
    public DeepOnetIterator(OperatorSamples samples, int batchSize, long seed) {
        this(samples, batchSize, true, seed, DataType.FLOAT);
    }

    public DeepOnetIterator(OperatorSamples samples, int batchSize, boolean shuffle, long seed, DataType dataType) {
        super(pairCount(Checks.notNull("samples", samples)), batchSize, shuffle, seed, dataType);
        this.samples = samples;
    }

    private static int pairCount(OperatorSamples samples) {
        long pairs = (long) samples.functionCount() * samples.pointCount();
        if (pairs > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("functionCount * pointCount must be <= " + Integer.MAX_VALUE + ", got "
                    + pairs);
        }
        return (int) pairs;
    }

    @Override
    MultiDataSet assemble(int[] idx, DataType dataType) {
        int m = samples.sensorCount();
        int q = samples.pointCount();
        double[] fs = samples.flatFunctions();
        double[] ys = samples.pointsNoCopy();
        double[] branch = new double[idx.length * m];
        double[] trunk = new double[idx.length];
        double[] label = new double[idx.length];
        for (int b = 0; b < idx.length; b++) {
            int s = idx[b] / q;
            int p = idx[b] % q;
            System.arraycopy(fs, s * m, branch, b * m, m);
            trunk[b] = ys[p];
            label[b] = samples.value(s, p);
        }
        return new MultiDataSet(
                new INDArray[] {
                        NdArrays.create(branch, dataType, idx.length, m),
                        NdArrays.create(trunk, dataType, idx.length, 1)},
                new INDArray[] {NdArrays.create(label, dataType, idx.length, 1)});
    }

    public OperatorSamples samples() {
        return samples;
    }
}
