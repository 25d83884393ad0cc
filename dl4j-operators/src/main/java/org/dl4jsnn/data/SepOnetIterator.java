package org.dl4jsnn.data;

import org.dl4jsnn.solver.Checks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * Minibatches of whole functions for a separable operator network on an (x, t) grid: each batch holds
 * B functions, features {@code {f at the sensors [B, m], x grid [Nx, 1], t grid [Nt, 1]}} and labels
 * {@code [B, Nx * Nt]} with column {@code i * Nt + j} at {@code (x_i, t_j)}.
 *
 * <p>The grids are the same in every batch (fresh copies each time). An epoch visits every function
 * once, in a seeded random order when shuffling; the last batch may be smaller.
 */
public final class SepOnetIterator extends EpochMultiDataSetIterator {

    private static final long serialVersionUID = 1L;

    private final GridOperatorSamples samples;

    /** Shuffled each epoch with {@code seed}, float32 arrays. */
    public SepOnetIterator(GridOperatorSamples samples, int batchSize, long seed) {
        this(samples, batchSize, true, seed, DataType.FLOAT);
    }

    public SepOnetIterator(GridOperatorSamples samples, int batchSize, boolean shuffle, long seed, DataType dataType) {
        super(Checks.notNull("samples", samples).functionCount(), batchSize, shuffle, seed, dataType);
        this.samples = samples;
    }

    @Override
    MultiDataSet assemble(int[] idx, DataType dataType) {
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
        return new MultiDataSet(
                new INDArray[] {
                        DetachedArrays.create(f, dataType, idx.length, m),
                        samples.xColumn(dataType),
                        samples.tColumn(dataType)},
                new INDArray[] {DetachedArrays.create(u, dataType, idx.length, grid)});
    }

    public GridOperatorSamples samples() {
        return samples;
    }
}
