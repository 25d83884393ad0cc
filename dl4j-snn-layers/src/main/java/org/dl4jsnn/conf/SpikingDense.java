package org.dl4jsnn.conf;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.dl4jsnn.layer.SpikingDenseLayer;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.ResetMode;
import org.dl4jsnn.surrogate.Surrogate;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A dense layer of (leaky) Integrate-and-Fire neurons run for T time steps: the configuration a user
 * puts into {@code NeuralNetConfiguration.Builder().list()} or {@code graphBuilder()}.
 *
 * <p>Input: real values [batch, nIn] (direct current, the same at every step) or spike trains
 * [batch, nIn, T] from a previous spiking layer. Output: spikes [batch, nOut, T], exactly 0 or 1.
 * Follow the last spiking layer with {@link TimeAverage} to feed a stock {@code OutputLayer}.
 *
 * <pre>{@code
 * .layer(new SpikingDense.Builder().nOut(16).timeSteps(32).surrogate(Surrogate.gaussian(0.5)).build())
 * }</pre>
 */
public class SpikingDense extends FeedForwardLayer {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_TIME_STEPS = 32;
    public static final double DEFAULT_THRESHOLD = 1.0;
    public static final double DEFAULT_SURROGATE_WIDTH = 0.5;

    private int timeSteps = DEFAULT_TIME_STEPS;
    private double threshold = DEFAULT_THRESHOLD;
    private double beta = 1.0;
    private ResetMode resetMode = ResetMode.SUBTRACT;
    private boolean resetDifferentiated = Builder.DEFAULT_RESET_DIFFERENTIATED;
    private Surrogate surrogate = Surrogate.gaussian(DEFAULT_SURROGATE_WIDTH);
    private boolean softSpikes = false;

    /** For JSON. */
    public SpikingDense() {
    }

    protected SpikingDense(Builder b) {
        super(b);
        this.timeSteps = b.timeSteps;
        this.threshold = b.threshold;
        this.beta = b.beta;
        this.resetMode = b.resetMode;
        this.resetDifferentiated = b.resetDifferentiated;
        this.surrogate = b.surrogate;
        this.softSpikes = b.softSpikes;
        validate();
        initializeConstraints(b);
    }

    /** Checks every setting; a JSON-restored configuration gets the same checks as a built one. */
    public void validate() {
        if (nOut < 0 || nIn < 0) {
            throw new IllegalArgumentException("SpikingDense" + named() + ": nIn and nOut must be >= 1, got nIn="
                    + nIn + ", nOut=" + nOut);
        }
        requireTimeSteps(timeSteps);
        neuron();
    }

    static int requireTimeSteps(int timeSteps) {
        if (timeSteps < 1) {
            throw new IllegalArgumentException("timeSteps T must be >= 1, got " + timeSteps);
        }
        return timeSteps;
    }

    private String named() {
        return layerName == null ? "" : " '" + layerName + "'";
    }

    /** The neuron these settings describe (validated). */
    public IntegrateAndFireNeuron neuron() {
        return new IntegrateAndFireNeuron(threshold, beta, resetMode, resetDifferentiated, surrogate, softSpikes);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView,
            boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("SpikingDense", getLayerName(), layerIndex, getNIn(), getNOut());
        validate();
        SpikingDenseLayer layer = new SpikingDenseLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(paramsView);
        Map<String, INDArray> params = initializer().init(conf, paramsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return DefaultParamInitializer.getInstance();
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        checkInputType(inputType);
        return InputType.recurrent(nOut, timeSteps);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        checkInputType(inputType);
        if (nIn <= 0 || override) {
            nIn = inputType.getType() == InputType.Type.RNN
                    ? ((InputType.InputTypeRecurrent) inputType).getSize()
                    : ((InputType.InputTypeFeedForward) inputType).getSize();
        }
    }

    private void checkInputType(InputType inputType) {
        if (inputType == null) {
            throw new IllegalStateException("SpikingDense" + named() + ": input type is null");
        }
        if (inputType.getType() == InputType.Type.RNN) {
            long length = ((InputType.InputTypeRecurrent) inputType).getTimeSeriesLength();
            if (length > 0 && length != timeSteps) {
                throw new IllegalStateException("SpikingDense" + named() + ": input spike trains have " + length
                        + " time steps but this layer runs timeSteps T=" + timeSteps + "; use the same T");
            }
        } else if (inputType.getType() != InputType.Type.FF) {
            throw new IllegalStateException("SpikingDense" + named() + ": expected feed-forward input [batch, nIn]"
                    + " or spike trains [batch, nIn, T], got " + inputType);
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        checkInputType(inputType);
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType outputType = getOutputType(-1, inputType);
        long numParams = initializer().numParams(this);
        long updaterState = getIUpdater() == null ? 0 : getIUpdater().stateSize(numParams);
        // training keeps spikes, surrogate slopes and reset slopes for every step of every neuron
        long trainPerExample = 3L * nOut * timeSteps;
        return new LayerMemoryReport.Builder(layerName, SpikingDense.class, inputType, outputType)
                .standardMemory(numParams, updaterState)
                .workingMemory(0, timeSteps, 0, trainPerExample)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    public int getTimeSteps() {
        return timeSteps;
    }

    public void setTimeSteps(int timeSteps) {
        this.timeSteps = requireTimeSteps(timeSteps);
    }

    public double getThreshold() {
        return threshold;
    }

    public void setThreshold(double threshold) {
        this.threshold = IntegrateAndFireNeuron.requireThreshold(threshold);
    }

    public double getBeta() {
        return beta;
    }

    public void setBeta(double beta) {
        this.beta = IntegrateAndFireNeuron.requireBeta(beta);
    }

    public ResetMode getResetMode() {
        return resetMode;
    }

    public void setResetMode(ResetMode resetMode) {
        this.resetMode = Objects.requireNonNull(resetMode, "resetMode");
    }

    public boolean isResetDifferentiated() {
        return resetDifferentiated;
    }

    public void setResetDifferentiated(boolean resetDifferentiated) {
        this.resetDifferentiated = resetDifferentiated;
    }

    public Surrogate getSurrogate() {
        return surrogate;
    }

    public void setSurrogate(Surrogate surrogate) {
        this.surrogate = Objects.requireNonNull(surrogate, "surrogate");
    }

    public boolean isSoftSpikes() {
        return softSpikes;
    }

    public void setSoftSpikes(boolean softSpikes) {
        this.softSpikes = softSpikes;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SpikingDense other) || !super.equals(o)) {
            return false;
        }
        return timeSteps == other.timeSteps && Double.compare(threshold, other.threshold) == 0
                && Double.compare(beta, other.beta) == 0 && resetMode == other.resetMode
                && resetDifferentiated == other.resetDifferentiated && surrogate.equals(other.surrogate)
                && softSpikes == other.softSpikes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), timeSteps, threshold, beta, resetMode, resetDifferentiated,
                surrogate, softSpikes);
    }

    @Override
    public String toString() {
        return "SpikingDense(name=" + layerName + ", nIn=" + nIn + ", nOut=" + nOut + ", T=" + timeSteps
                + ", threshold=" + threshold + ", beta=" + beta + ", reset=" + resetMode
                + (resetDifferentiated ? " (differentiated)" : " (detached)") + ", surrogate=" + surrogate
                + (softSpikes ? ", soft spikes" : "") + ")";
    }

    /** Builds a {@link SpikingDense}; every setter checks its argument at once. */
    public static class Builder extends FeedForwardLayer.Builder<Builder> {

        /** See docs/design.md section 1 and the README for the measurement that chose it. */
        public static final boolean DEFAULT_RESET_DIFFERENTIATED = false;

        private int timeSteps = DEFAULT_TIME_STEPS;
        private double threshold = DEFAULT_THRESHOLD;
        private double beta = 1.0;
        private ResetMode resetMode = ResetMode.SUBTRACT;
        private boolean resetDifferentiated = DEFAULT_RESET_DIFFERENTIATED;
        private Surrogate surrogate = Surrogate.gaussian(DEFAULT_SURROGATE_WIDTH);
        private boolean softSpikes = false;

        /** Number of time steps T (>= 1, default 32). */
        public Builder timeSteps(int timeSteps) {
            this.timeSteps = requireTimeSteps(timeSteps);
            return this;
        }

        /** Firing threshold theta (> 0, default 1). */
        public Builder threshold(double threshold) {
            this.threshold = IntegrateAndFireNeuron.requireThreshold(threshold);
            return this;
        }

        /** Membrane leak beta in (0, 1]; 1 (default) is Integrate-and-Fire, below 1 leaky. */
        public Builder beta(double beta) {
            this.beta = IntegrateAndFireNeuron.requireBeta(beta);
            return this;
        }

        public Builder resetMode(ResetMode resetMode) {
            this.resetMode = Objects.requireNonNull(resetMode, "resetMode");
            return this;
        }

        /** Whether the gradient flows through the reset term (true) or treats it as constant (false). */
        public Builder resetDifferentiated(boolean resetDifferentiated) {
            this.resetDifferentiated = resetDifferentiated;
            return this;
        }

        public Builder surrogate(Surrogate surrogate) {
            this.surrogate = Objects.requireNonNull(surrogate, "surrogate");
            return this;
        }

        /**
         * Gradient-check mode: spikes become Phi((U - theta)/s) so the SG surrogate is the exact
         * derivative. Not for training spiking networks.
         */
        public Builder softSpikes(boolean softSpikes) {
            this.softSpikes = softSpikes;
            return this;
        }

        @Override
        public Builder nIn(int nIn) {
            return super.nIn(requirePositive("nIn", nIn));
        }

        @Override
        public Builder nIn(long nIn) {
            return super.nIn(requirePositive("nIn", nIn));
        }

        @Override
        public Builder nOut(int nOut) {
            return super.nOut(requirePositive("nOut", nOut));
        }

        @Override
        public Builder nOut(long nOut) {
            return super.nOut(requirePositive("nOut", nOut));
        }

        private static int requirePositive(String name, long value) {
            if (value < 1 || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + " must be >= 1, got " + value);
            }
            return (int) value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public SpikingDense build() {
            return new SpikingDense(this);
        }
    }
}
