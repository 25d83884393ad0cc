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
 * {@link ChunkedSpikingDense} and {@link SpikingDensePass}, which do the math in the network's precision.
 */
public class SpikingDenseLayer extends BaseLayer<SpikingDense> {

    private transient IntegrateAndFireNeuron neuron;
    /** Kept from the last training forward pass for back-propagation, in the precision it ran. */
    private transient ChunkedSpikingDense.Trace<?> trace;
    private transient long backwardPasses;
    private transient BatchThreads threads = BatchThreads.single();
    /**
     * The passes' working arrays, kept between iterations (not part of the model: a restored, cloned or
     * deserialized layer starts without, see {@link ChunkBuffers}); {@link #clear} keeps them, as DL4J
     * keeps its workspaces, since DL4J clears the layers after every fit.
     */
    private transient ChunkBuffers buffers;

    public SpikingDenseLayer(NeuralNetConfiguration conf, DataType dataType) {
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
        this.threads = BatchThreads.requireForLayer(threads, layerId());
    }

    public BatchThreads batchThreads() {
        // transient: a layer restored by Java serialization starts single-threaded
        return threads == null ? BatchThreads.single() : threads;
    }

    private ChunkBuffers buffers() {
        if (buffers == null) {
            buffers = new ChunkBuffers();
        }
        return buffers;
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
        return weights(KernelPrecision.DOUBLE);
    }

    public double[] bias() {
        return bias(KernelPrecision.DOUBLE);
    }

    /** The weights as row-major [nOut][nIn] in the given precision (see {@link #weights}). */
    public <A> A weights(KernelPrecision<A> p) {
        return p.rowMajor(getParam(DefaultParamInitializer.WEIGHT_KEY).transpose());
    }

    public <A> A bias(KernelPrecision<A> p) {
        return p.rowMajor(getParam(DefaultParamInitializer.BIAS_KEY));
    }

    /**
     * A FLOAT network runs the float kernels end to end (no copy to double and back); any other runs the
     * double kernels.
     */
    public boolean floatKernels() {
        return dataType == DataType.FLOAT;
    }

    /** The kernels this layer runs: {@link KernelPrecision#FLOAT} for a FLOAT network, else DOUBLE. */
    public KernelPrecision<?> precision() {
        return floatKernels() ? KernelPrecision.FLOAT : KernelPrecision.DOUBLE;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, mgr);
        return activate(precision(), shapeOf(input), training, mgr);
    }

    private <A> INDArray activate(KernelPrecision<A> p, LayerShape shape, boolean training, LayerWorkspaceMgr mgr) {
        long noiseSeed = training ? nextNoiseSeed() : 0L;
        // 'f' order is the kernel's own layout [t][j][b]: the next spiking layer and TimeAverage read it in place
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, p.type(),
                new long[] {shape.batch(), shape.nOut(), shape.steps()}, 'f');
        ChunkedSpikingDense.Trace<A> tr = ChunkedSpikingDense.forward(p, shape,
                NdArrays.batchInnermostRows(input, p.type()), layerId() + " input", weights(p), bias(p), neuron(),
                training, noiseSeed, batchThreads(), NdArrays.rowsTarget(out), buffers());
        if (training) {
            trace = tr;
        }
        return out.dataType() == dataType ? out : out.castTo(dataType);
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
        if (trace == null || !trace.hasSlopes()) {
            throw new IllegalStateException(layerId() + ": backpropGradient needs a training forward pass first");
        }
        return backprop(trace, epsilon, mgr);
    }

    private <A> Pair<Gradient, INDArray> backprop(ChunkedSpikingDense.Trace<A> tr, INDArray epsilon,
                                                  LayerWorkspaceMgr mgr) {
        backwardPasses++;
        LayerShape shape = tr.shape();
        if (epsilon.length() != shape.outputLength()) {
            throw new DL4JInvalidInputException(layerId() + ": epsilon shape " + Arrays.toString(epsilon.shape())
                    + " does not match the output [" + shape.batch() + ", " + shape.nOut() + ", " + shape.steps()
                    + "]");
        }
        KernelPrecision<A> p = tr.precision();
        INDArray epsOut = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, p.type(), inputShape(shape), 'f');
        ChunkedSpikingDense.ParamGradients grads = ChunkedSpikingDense.backward(tr,
                NdArrays.batchInnermostRows(epsilon, p.type()), weights(p), neuron(), batchThreads(),
                NdArrays.rowsTarget(epsOut), buffers());
        if (epsOut.dataType() != dataType) {
            epsOut = epsOut.castTo(dataType);
        }
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
    }

    @Override
    public void setConf(NeuralNetConfiguration conf) {
        super.setConf(conf);
        neuron = null;
    }
}
