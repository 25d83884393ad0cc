package org.dl4jsnn.layer;

import java.util.Arrays;
import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.dl4jsnn.conf.TimeAverage;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The DL4J implementation of {@link TimeAverage}: [batch, n, T] to [batch, n] by the mean over t. */
public class TimeAverageLayer extends AbstractLayer<TimeAverage> {

    public TimeAverageLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        checkRank(input);
        int rows = (int) (input.size(0) * input.size(1));
        int steps = (int) input.size(2);
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {input.size(0), input.size(1)}, 'f');
        if (dataType == DataType.FLOAT) {
            // a FLOAT network stays in float: the sum of 0/1 spikes is exact in float as in double
            float[] in = NdArrays.toBatchInnermostFloats(input);
            float[] mean = new float[rows];
            for (int t = 0; t < steps; t++) {
                for (int r = 0, base = t * rows; r < rows; r++) {
                    mean[r] += in[base + r];
                }
            }
            for (int r = 0; r < rows; r++) {
                mean[r] /= steps;
            }
            return NdArrays.fillBatchInnermost(out, mean);
        }
        // [t][i][b] (the spiking layers' own layout): the sum over t adds whole contiguous blocks
        double[] in = NdArrays.toBatchInnermost(input);
        double[] mean = new double[rows];
        for (int t = 0; t < steps; t++) {
            for (int r = 0, base = t * rows; r < rows; r++) {
                mean[r] += in[base + r];
            }
        }
        for (int r = 0; r < rows; r++) {
            mean[r] /= steps;
        }
        return NdArrays.fillBatchInnermost(out, mean);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        int rows = (int) (input.size(0) * input.size(1));
        int steps = (int) input.size(2);
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'f');
        if (dataType == DataType.FLOAT) {
            float[] eps = NdArrays.toBatchInnermostFloats(epsilon);
            float[] spread = new float[rows * steps];
            for (int r = 0; r < rows; r++) {
                spread[r] = eps[r] / steps;
            }
            for (int t = 1; t < steps; t++) {
                System.arraycopy(spread, 0, spread, t * rows, rows);
            }
            return new Pair<>(new DefaultGradient(), NdArrays.fillBatchInnermost(out, spread));
        }
        double[] eps = NdArrays.toBatchInnermost(epsilon);
        double[] share = new double[rows];
        for (int r = 0; r < rows; r++) {
            share[r] = eps[r] / steps;
        }
        double[] spread = new double[rows * steps];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(share, 0, spread, t * rows, rows);
        }
        return new Pair<>(new DefaultGradient(), NdArrays.fillBatchInnermost(out, spread));
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
