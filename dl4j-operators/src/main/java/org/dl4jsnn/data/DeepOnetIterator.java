package org.dl4jsnn.data;

import java.util.Arrays;
import java.util.Objects;
import org.dl4jsnn.operator.BranchRows;
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
 *
 * <p>With {@link BranchRows#PER_FUNCTION} the features are {@code {branch: the batch's distinct functions
 * [f, m] in order of first appearance, trunk: y_p [b, 1], function: each pair's row in branch [b, 1]}}: the
 * same pairs in the same order, the branch without repeats.
 */
public final class DeepOnetIterator extends EpochMultiDataSetIterator {

    private static final long serialVersionUID = 1L;

    private final OperatorSamples samples;
    private final BranchRows branchRows;

    /** Shuffled each epoch with {@code seed}, float32 arrays. */
    public DeepOnetIterator(OperatorSamples samples, int batchSize, long seed) {
        this(samples, batchSize, true, seed, DataType.FLOAT);
    }

    public DeepOnetIterator(OperatorSamples samples, int batchSize, boolean shuffle, long seed, DataType dataType) {
        this(samples, batchSize, shuffle, seed, dataType, BranchRows.PER_PAIR);
    }

    /** Minibatches in the layout of a network built with {@code SpikingDeepOnet.branchRows(branchRows)}. */
    public DeepOnetIterator(OperatorSamples samples, int batchSize, boolean shuffle, long seed, DataType dataType,
                            BranchRows branchRows) {
        super(pairCount(Checks.notNull("samples", samples)), batchSize, shuffle, seed, dataType);
        this.samples = samples;
        this.branchRows = Objects.requireNonNull(branchRows, "branchRows");
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
        boolean perFunction = branchRows == BranchRows.PER_FUNCTION;
        // per function: each sample's row among the distinct functions, -1 until it first appears
        int[] rowOf = perFunction ? new int[samples.functionCount()] : null;
        if (perFunction) {
            Arrays.fill(rowOf, -1);
        }
        double[] branch = new double[idx.length * m];
        double[] trunk = new double[idx.length];
        double[] label = new double[idx.length];
        double[] function = perFunction ? new double[idx.length] : null;
        int functions = 0;
        for (int b = 0; b < idx.length; b++) {
            int s = idx[b] / q;
            int p = idx[b] % q;
            int row = b;
            if (perFunction) {
                if (rowOf[s] < 0) {
                    rowOf[s] = functions++;
                    System.arraycopy(fs, s * m, branch, rowOf[s] * m, m);
                }
                row = rowOf[s];
                function[b] = row;
            } else {
                System.arraycopy(fs, s * m, branch, b * m, m);
            }
            trunk[b] = ys[p];
            label[b] = samples.value(s, p);
        }
        INDArray trunkArray = DetachedArrays.create(trunk, dataType, idx.length, 1);
        INDArray[] labels = {DetachedArrays.create(label, dataType, idx.length, 1)};
        if (!perFunction) {
            return new MultiDataSet(new INDArray[] {DetachedArrays.create(branch, dataType, idx.length, m), trunkArray},
                    labels);
        }
        requireExactIndex(functions, dataType);
        INDArray[] features = new INDArray[3];
        features[branchRows.branchInput()] = DetachedArrays.create(Arrays.copyOf(branch, functions * m), dataType,
                functions, m);
        features[branchRows.trunkInput()] = trunkArray;
        features[branchRows.inputNames().indexOf(BranchRows.FUNCTION_INDEX)] = DetachedArrays.create(function, dataType,
                idx.length, 1);
        return new MultiDataSet(features, labels);
    }

    /** The index travels in the features' data type, which must hold every row number exactly. */
    private static void requireExactIndex(int functions, DataType dataType) {
        long exact = switch (dataType) {
            case HALF -> 1L << 11;
            case BFLOAT16 -> 1L << 8;
            case FLOAT -> 1L << 24;
            default -> Long.MAX_VALUE;
        };
        if (functions > exact) {
            throw new IllegalArgumentException("a minibatch of " + functions + " distinct functions cannot be indexed"
                    + " exactly in " + dataType + " (integers up to " + exact + "); use a smaller batchSize or"
                    + " dataType FLOAT or DOUBLE");
        }
    }

    public BranchRows branchRows() {
        return branchRows;
    }

    public OperatorSamples samples() {
        return samples;
    }
}
