package org.dl4jsnn.layer;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.parallel.BatchChunks;
import org.dl4jsnn.parallel.BatchThreads;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The DL4J implementation of {@link TimeAverage}: [batch, n, T] to [batch, n] by the mean over t. Works in
 * the spiking layers' layout [t][i][b] (the sum over t adds whole contiguous blocks) and precision (a FLOAT
 * network stays in float: the sum of 0/1 spikes is exact in float as in double), chunk by chunk over the
 * minibatch on the spiking layers' threads; every example's mean is formed alone, so no thread count
 * changes a bit.
 */
public class TimeAverageLayer extends AbstractLayer<TimeAverage> {

    private transient BatchThreads threads = BatchThreads.single();
    /** Working arrays kept between iterations, as {@link SpikingDenseLayer}'s (see {@link ChunkBuffers}). */
    private transient ChunkBuffers buffers;

    public TimeAverageLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** The threads this layer splits its minibatch over (see {@link SpikingDenseLayer#setBatchThreads}). */
    public void setBatchThreads(BatchThreads threads) {
        this.threads = BatchThreads.requireForLayer(threads, layerId());
    }

    public BatchThreads batchThreads() {
        return threads == null ? BatchThreads.single() : threads;
    }

    private ChunkBuffers buffers() {
        if (buffers == null) {
            buffers = new ChunkBuffers();
        }
        return buffers;
    }

    private KernelPrecision<?> precision() {
        return dataType == DataType.FLOAT ? KernelPrecision.FLOAT : KernelPrecision.DOUBLE;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        checkRank(input);
        return mean(precision(), mgr);
    }

    private <A> INDArray mean(KernelPrecision<A> p, LayerWorkspaceMgr mgr) {
        int batch = (int) input.size(0);
        int n = (int) input.size(1);
        int steps = (int) input.size(2);
        INDArray in = NdArrays.batchInnermostRows(input, p.type());
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, p.type(), new long[] {batch, n}, 'f');
        INDArray outRows = NdArrays.rowsTarget(out);
        List<ChunkBuffers.Chunk> chunkBuffers = buffers().forChunks(BatchChunks.count(batch));
        batchThreads().map(batch, c -> {
            int b0 = BatchChunks.start(batch, c);
            int nb = BatchChunks.length(batch, c);
            int rows = n * nb;
            ChunkBuffers.Chunk own = chunkBuffers.get(c);
            // one step's rows at a time, a block that stays in cache, instead of a copy of all T steps
            A step = own.any(p, ChunkBuffers.Slot.STEP_ROWS, rows);
            A mean = own.zeroed(p, ChunkBuffers.Slot.ROWS, rows);
            for (int t = 0; t < steps; t++) {
                p.readRows(in, t * n, n, batch, b0, nb, step);
                p.addInto(mean, step, 0, rows);
            }
            p.divide(mean, mean, rows, steps);
            p.writeRows(mean, nb, outRows, batch, b0);
            return null;
        });
        return out.dataType() == dataType ? out : out.castTo(dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        return new Pair<>(new DefaultGradient(), spread(precision(), epsilon, mgr));
    }

    /** dL/dx[b][i][t] = dL/dmean[b][i] / T for every t. */
    private <A> INDArray spread(KernelPrecision<A> p, INDArray epsilon, LayerWorkspaceMgr mgr) {
        int batch = (int) input.size(0);
        int n = (int) input.size(1);
        int steps = (int) input.size(2);
        INDArray eps = NdArrays.batchInnermostRows(epsilon, p.type());
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, p.type(), input.shape(), 'f');
        INDArray outRows = NdArrays.rowsTarget(out);
        List<ChunkBuffers.Chunk> chunkBuffers = buffers().forChunks(BatchChunks.count(batch));
        batchThreads().map(batch, c -> {
            int b0 = BatchChunks.start(batch, c);
            int nb = BatchChunks.length(batch, c);
            int rows = n * nb;
            ChunkBuffers.Chunk own = chunkBuffers.get(c);
            A share = own.any(p, ChunkBuffers.Slot.ROWS, rows);
            p.readRows(eps, batch, b0, nb, share);
            A spread = own.any(p, ChunkBuffers.Slot.SPREAD, rows * steps);
            p.divide(share, spread, rows, steps);
            for (int t = 1; t < steps; t++) {
                System.arraycopy(spread, 0, spread, t * rows, rows);
            }
            p.writeRows(spread, nb, outRows, batch, b0);
            return null;
        });
        return out.dataType() == dataType ? out : out.castTo(dataType);
    }

    private void checkRank(INDArray in) {
        if (in.rank() != 3) {
            throw new DL4JInvalidInputException(layerId() + ": TimeAverage expects spike trains [batch, n, T], got "
                    + "shape " + Arrays.toString(in.shape()));
        }
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public void clearNoiseWeightParams() {
    }

    @Override
    public INDArray params() {
        return null;
    }

    @Override
    public Type type() {
        return Type.FEED_FORWARD;
    }
}
