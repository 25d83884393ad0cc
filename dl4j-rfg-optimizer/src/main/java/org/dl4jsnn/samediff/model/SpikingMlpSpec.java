package org.dl4jsnn.samediff.model;

import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

/**
 * Shape and neuron settings of a spiking MLP built as a SameDiff graph: direct-current input,
 * spiking layers unrolled over T steps, a linear readout of the last layer's time-averaged spikes,
 * MSE loss.
 *
 * @param detachReset treat the reset term as a constant (StopGradient), instead of differentiating
 *                    through the spike in it
 * @param initGain    hidden weights are drawn from N(0, initGain^2 / fanIn)
 * @param biasInit    initial hidden bias, a fraction of theta, so that neurons start near firing
 */
public record SpikingMlpSpec(int nIn, List<Integer> hidden, int nOut, int timeSteps, double beta, double theta,
                             double surrogateWidth, ResetMode reset, boolean detachReset, DataType dataType,
                             double initGain, double biasInit, long seed) {

    public SpikingMlpSpec {
        hidden = List.copyOf(hidden);
        require(nIn > 0 && nOut > 0, "nIn and nOut must be positive");
        require(!hidden.isEmpty() && hidden.stream().allMatch(n -> n > 0), "need at least one spiking layer, all widths positive");
        require(timeSteps > 0, "timeSteps must be positive");
        require(beta > 0 && beta <= 1, "beta must be in (0, 1]");
        require(theta > 0 && Double.isFinite(theta), "theta must be positive");
        require(surrogateWidth > 0 && Double.isFinite(surrogateWidth), "surrogate width must be positive");
        require(reset != null, "reset mode is required");
        require(dataType != null && dataType.isFPType(), "a floating-point data type is required");
        require(initGain > 0 && Double.isFinite(initGain), "initGain must be positive");
    }

    public static Builder builder(int nIn, int nOut, int... hidden) {
        return new Builder(nIn, nOut, hidden);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Defaults follow SPEC.md: IF neurons, theta 1, T 32, s 0.5, reset by subtraction, float. */
    public static final class Builder {
        private final int nIn;
        private final int nOut;
        private final List<Integer> hidden;
        private int timeSteps = 32;
        private double beta = 1.0;
        private double theta = 1.0;
        private double surrogateWidth = 0.5;
        private ResetMode reset = ResetMode.SUBTRACT;
        private boolean detachReset;
        private DataType dataType = DataType.FLOAT;
        private double initGain = 2.0;
        private double biasInit = 0.5;
        private long seed = 42;

        private Builder(int nIn, int nOut, int... hidden) {
            this.nIn = nIn;
            this.nOut = nOut;
            this.hidden = java.util.Arrays.stream(hidden).boxed().toList();
        }

        public Builder timeSteps(int t) { this.timeSteps = t; return this; }
        public Builder beta(double b) { this.beta = b; return this; }
        public Builder theta(double t) { this.theta = t; return this; }
        public Builder surrogateWidth(double s) { this.surrogateWidth = s; return this; }
        public Builder reset(ResetMode r) { this.reset = r; return this; }
        public Builder detachReset(boolean d) { this.detachReset = d; return this; }
        public Builder dataType(DataType d) { this.dataType = d; return this; }
        public Builder initGain(double g) { this.initGain = g; return this; }
        public Builder biasInit(double b) { this.biasInit = b; return this; }
        public Builder seed(long s) { this.seed = s; return this; }

        public SpikingMlpSpec build() {
            return new SpikingMlpSpec(nIn, hidden, nOut, timeSteps, beta, theta, surrogateWidth, reset,
                    detachReset, dataType, initGain, biasInit, seed);
        }
    }
}
