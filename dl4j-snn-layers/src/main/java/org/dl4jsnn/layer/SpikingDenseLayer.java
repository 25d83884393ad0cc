package org.dl4jsnn.layer;

import java.util.Arrays;
import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.parallel.BatchThreads;
import org.dl4jsnn.surrogate.NoiseSeeds;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The DL4J implementation of {@link SpikingDense}: adapts DL4J's arrays, parameters and workspaces to
 * {@link SpikingDenseKernel}, which does the math.
 */
public class SpikingDenseLayer extends BaseLayer<SpikingDense> {

    private transient IntegrateAndFireNeuron neuron;
    /** Kept from the last training forward pass for back-propagation. */
    private transient ChunkedSpikingDense.Trace trace;
    /** The same for a FLOAT network, whose kernels run in float (only one of the two traces is set). */
    private transient FloatChunkedSpikingDense.Trace floatTrace;
    private transient long backwardPasses;
    private transient BatchThreads threads = BatchThreads.single();

    public SpikingDenseLayer(NeuralNetConfiguration conf, org.nd4j.linalg.api.buffer.DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public Type type() {
        return Type.FEED_FORWARD;
    }

    public IntegrateAndFireNeuron neuron() {
        if (neuron == null) {
            neuron = layerConf().neuron();
        }
        return neuron;
    }

    /**
     * The threads this layer splits its minibatch over (a runtime setting, not saved with the model: see
     * {@link BatchThreads}); results are the same for any count. The caller owns and closes them.
     */
    public void setBatchThreads(BatchThreads threads) {
        if (threads == null) {
            throw new IllegalArgumentException(layerId() + ": threads must not be null (use BatchThreads.single())");
        }
        this.threads = threads;
    }

    public BatchThreads batchThreads() {
        // transient: a layer restored by Java serialization starts single-threaded
        return threads == null ? BatchThreads.single() : threads;
    }

    /** How many times back-propagation ran through this layer (lets tests prove RFG runs none). */
    public long backwardPasses() {
        return backwardPasses;
    }

    /** This layer's shape for the given input, after checking the input's rank and width. */
    public LayerShape shapeOf(INDArray in) {
        SpikingDense c = layerConf();
        long nIn = c.getNIn();
        boolean spikeInput = in.rank() == 3;
        if (in.rank() != 2 && !spikeInput) {
            throw new DL4JInvalidInputException(layerId() + ": expected input [batch, nIn=" + nIn
                    + "] or spike trains [batch, nIn=" + nIn + ", T=" + c.getTimeSteps() + "], got shape "
                    + Arrays.toString(in.shape()));
        }
        if (in.size(1) != nIn || (spikeInput && in.size(2) != c.getTimeSteps())) {
            throw new DL4JInvalidInputException(layerId() + ": input shape " + Arrays.toString(in.shape())
                    + " does not fit nIn=" + nIn + (spikeInput ? ", T=" + c.getTimeSteps() : ""));
        }
        return new LayerShape((int) in.size(0), (int) nIn, (int) c.getNOut(), c.getTimeSteps(), spikeInput);
    }

    /** The weights as a row-major [nOut][nIn] array (DL4J stores W as [nIn, nOut] in 'f' order). */
    public double[] weights() {
        return NdArrays.toDoubles(getParam(DefaultParamInitializer.WEIGHT_KEY).transpose());
    }

    public double[] bias() {
        return NdArrays.toDoubles(getParam(DefaultParamInitializer.BIAS_KEY));
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, mgr);
        LayerShape shape = shapeOf(input);
        if (floatKernels()) {
            return activateFloat(shape, training, mgr);
        }
        double[] in = NdArrays.requireFinite(NdArrays.toBatchInnermost(input), input, layerId() + " input");
        long noiseSeed = training ? nextNoiseSeed() : 0L;
        ChunkedSpikingDense.Trace tr = ChunkedSpikingDense.forward(shape, in, weights(), bias(), neuron(), training,
                noiseSeed, batchThreads());
        if (training) {
            trace = tr;
            floatTrace = null;
        }
        // 'f' order is the kernel's own layout [t][j][b]: the next spiking layer and TimeAverage copy it in bulk
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {shape.batch(), shape.nOut(), shape.steps()}, 'f');
        return NdArrays.fillBatchInnermost(out, tr.spikes());
    }

    /**
     * A FLOAT network runs the float kernels end to end (no copy to double and back); any other runs the
     * double kernels.
     */
    public boolean floatKernels() {
        return dataType == DataType.FLOAT;
    }

    /** The weights as float [nOut][nIn] (see {@link #weights}). */
    public float[] floatWeights() {
        return NdArrays.toFloats(getParam(DefaultParamInitializer.WEIGHT_KEY).transpose());
    }

    public float[] floatBias() {
        return NdArrays.toFloats(getParam(DefaultParamInitializer.BIAS_KEY));
    }

    private INDArray activateFloat(LayerShape shape, boolean training, LayerWorkspaceMgr mgr) {
        float[] in = NdArrays.requireFinite(NdArrays.toBatchInnermostFloats(input), input, layerId() + " input");
        long noiseSeed = training ? nextNoiseSeed() : 0L;
        FloatChunkedSpikingDense.Trace tr = FloatChunkedSpikingDense.forward(shape, in, floatWeights(), floatBias(),
                neuron(), training, noiseSeed, batchThreads());
        if (training) {
            floatTrace = tr;
            trace = null;
        }
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {shape.batch(), shape.nOut(), shape.steps()}, 'f');
        return NdArrays.fillBatchInnermost(out, tr.spikes());
    }

    /** The iteration's noise stream (see NoiseSeeds): the forward-mode engine derives the same one. */
    private long nextNoiseSeed() {
        if (!neuron().surrogate().isStochastic()) {
            return 0L;
        }
        return NoiseSeeds.forLayer(conf.getSeed(), conf.getIterationCount(), getIndex());
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        if (floatTrace != null && floatTrace.hasSlopes()) {
            return backpropFloat(epsilon, mgr);
        }
        if (trace == null || !trace.hasSlopes()) {
            throw new IllegalStateException(layerId() + ": backpropGradient needs a training forward pass first");
        }
        backwardPasses++;
        LayerShape shape = trace.shape();
        if (epsilon.length() != shape.outputLength()) {
            throw new DL4JInvalidInputException(layerId() + ": epsilon shape " + Arrays.toString(epsilon.shape())
                    + " does not match the output [" + shape.batch() + ", " + shape.nOut() + ", " + shape.steps()
                    + "]");
        }
        SpikingDenseKernel.Gradients grads = ChunkedSpikingDense.backward(trace, NdArrays.toBatchInnermost(epsilon),
                weights(), neuron(), batchThreads());
        INDArray epsOut = NdArrays.fillBatchInnermost(mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType,
                inputShape(shape), 'f'), grads.input());
        return finishBackprop(shape, grads.weights(), grads.bias(), epsOut);
    }

    private Pair<Gradient, INDArray> backpropFloat(INDArray epsilon, LayerWorkspaceMgr mgr) {
        backwardPasses++;
        LayerShape shape = floatTrace.shape();
        if (epsilon.length() != shape.outputLength()) {
            throw new DL4JInvalidInputException(layerId() + ": epsilon shape " + Arrays.toString(epsilon.shape())
                    + " does not match the output [" + shape.batch() + ", " + shape.nOut() + ", " + shape.steps()
                    + "]");
        }
        FloatSpikingDenseKernel.Gradients grads = FloatChunkedSpikingDense.backward(floatTrace,
                NdArrays.toBatchInnermostFloats(epsilon), floatWeights(), neuron(), batchThreads());
        INDArray epsOut = NdArrays.fillBatchInnermost(mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType,
                inputShape(shape), 'f'), grads.input());
        return finishBackprop(shape, grads.weights(), grads.bias(), epsOut);
    }

    private static long[] inputShape(LayerShape shape) {
        return shape.spikeInput() ? new long[] {shape.batch(), shape.nIn(), shape.steps()}
                : new long[] {shape.batch(), shape.nIn()};
    }

    private Pair<Gradient, INDArray> finishBackprop(LayerShape shape, double[] weightGrad, double[] biasGrad,
                                                    INDArray epsOut) {
        Gradient gradient = new DefaultGradient();
        INDArray wGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        // row-major [nOut][nIn] is exactly the memory order of DL4J's 'f'-ordered [nIn, nOut] W
        wGrad.assign(Nd4j.create(weightGrad, new long[] {shape.nIn(), shape.nOut()}, 'f'));
        INDArray bGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
        bGrad.assign(Nd4j.create(biasGrad, bGrad.shape(), 'c'));
        gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, wGrad);
        gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, bGrad);
        weightNoiseParams.clear();
        epsOut = backpropDropOutIfPresent(epsOut);
        return new Pair<>(gradient, epsOut);
    }

    @Override
    public void clear() {
        super.clear();
        trace = null;
        floatTrace = null;
    }

    @Override
    public void setConf(NeuralNetConfiguration conf) {
        super.setConf(conf);
        neuron = null;
    }
}
