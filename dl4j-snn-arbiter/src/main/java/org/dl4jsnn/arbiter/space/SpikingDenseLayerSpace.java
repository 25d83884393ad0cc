package org.dl4jsnn.arbiter.space;

import org.deeplearning4j.arbiter.layers.FeedForwardLayerSpace;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.util.LeafUtils;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.neuron.ResetMode;

/**
 * Arbiter's {@code LayerSpace} for {@link SpikingDense}: T, threshold, leak beta, surrogate kind and
 * width s, WSG samples N, reset mode and whether the reset is differentiated, each a fixed value or a
 * parameter space. It plugs into Arbiter's own MultiLayerSpace and ComputationGraphSpace as any
 * layer space does; {@link SpikingMlpSpace} uses one instance for every hidden layer, so the layers
 * share T (spike trains between layers need the same T) and the other settings.
 *
 * <p>Ranges are checked by {@link SpikingDense.Builder} when a candidate is built: a space that reaches
 * outside them (a threshold of 0, say) fails that candidate with a message naming the setting.
 */
public class SpikingDenseLayerSpace extends FeedForwardLayerSpace<SpikingDense> {

    private ParameterSpace<Integer> timeSteps;
    private ParameterSpace<Double> threshold;
    private ParameterSpace<Double> beta;
    private ParameterSpace<SurrogateKind> surrogate;
    private ParameterSpace<Double> surrogateWidth;
    private ParameterSpace<Integer> wsgSamples;
    private ParameterSpace<ResetMode> resetMode;
    private ParameterSpace<Boolean> resetDifferentiated;

    /** For JSON. */
    protected SpikingDenseLayerSpace() {
    }

    private SpikingDenseLayerSpace(Builder b) {
        super(b);
        this.timeSteps = Spaces.required("timeSteps", b.timeSteps);
        this.threshold = Spaces.required("threshold", b.threshold);
        this.beta = Spaces.required("beta", b.beta);
        this.surrogate = Spaces.required("surrogate", b.surrogate);
        this.surrogateWidth = Spaces.required("surrogateWidth", b.surrogateWidth);
        this.wsgSamples = Spaces.required("wsgSamples", b.wsgSamples);
        this.resetMode = Spaces.required("resetMode", b.resetMode);
        this.resetDifferentiated = Spaces.required("resetDifferentiated", b.resetDifferentiated);
        // the superclass counted before these fields were set
        this.numParameters = LeafUtils.countUniqueParameters(collectLeaves());
    }

    @Override
    public SpikingDense getValue(double[] values) {
        SpikingDense.Builder b = new SpikingDense.Builder();
        setLayerOptionsBuilder(b, values);
        int samples = wsgSamples.getValue(values);
        return b.timeSteps(timeSteps.getValue(values))
                .threshold(threshold.getValue(values))
                .beta(beta.getValue(values))
                .surrogate(surrogate.getValue(values).create(surrogateWidth.getValue(values), samples))
                .resetMode(resetMode.getValue(values))
                .resetDifferentiated(resetDifferentiated.getValue(values))
                .build();
    }

    public ParameterSpace<Integer> getTimeSteps() {
        return timeSteps;
    }

    public ParameterSpace<Double> getThreshold() {
        return threshold;
    }

    public ParameterSpace<Double> getBeta() {
        return beta;
    }

    public ParameterSpace<SurrogateKind> getSurrogate() {
        return surrogate;
    }

    public ParameterSpace<Double> getSurrogateWidth() {
        return surrogateWidth;
    }

    public ParameterSpace<Integer> getWsgSamples() {
        return wsgSamples;
    }

    public ParameterSpace<ResetMode> getResetMode() {
        return resetMode;
    }

    public ParameterSpace<Boolean> getResetDifferentiated() {
        return resetDifferentiated;
    }

    @Override
    public String toString() {
        return "SpikingDenseLayerSpace(nOut=" + nOut + ", T=" + timeSteps + ", threshold=" + threshold + ", beta="
                + beta + ", surrogate=" + surrogate + ", s=" + surrogateWidth + ", N=" + wsgSamples + ", reset="
                + resetMode + ", resetDifferentiated=" + resetDifferentiated + ")";
    }

    /**
     * Defaults are the layer's own: T = 32, threshold 1, beta 1 (Integrate-and-Fire), SG with s = 0.5,
     * N = 16 (used by WSG only), reset by subtraction, detached.
     */
    public static class Builder extends FeedForwardLayerSpace.Builder<Builder> {
        private ParameterSpace<Integer> timeSteps = Spaces.fixed(SpikingDense.DEFAULT_TIME_STEPS);
        private ParameterSpace<Double> threshold = Spaces.fixed(SpikingDense.DEFAULT_THRESHOLD);
        private ParameterSpace<Double> beta = Spaces.fixed(1.0);
        private ParameterSpace<SurrogateKind> surrogate = Spaces.fixed(SurrogateKind.SG);
        private ParameterSpace<Double> surrogateWidth = Spaces.fixed(SpikingDense.DEFAULT_SURROGATE_WIDTH);
        private ParameterSpace<Integer> wsgSamples = Spaces.fixed(16);
        private ParameterSpace<ResetMode> resetMode = Spaces.fixed(ResetMode.SUBTRACT);
        private ParameterSpace<Boolean> resetDifferentiated =
                Spaces.fixed(SpikingDense.Builder.DEFAULT_RESET_DIFFERENTIATED);

        public Builder timeSteps(ParameterSpace<Integer> s) {
            this.timeSteps = Spaces.required("timeSteps", s);
            return this;
        }

        public Builder threshold(ParameterSpace<Double> s) {
            this.threshold = Spaces.required("threshold", s);
            return this;
        }

        public Builder beta(ParameterSpace<Double> s) {
            this.beta = Spaces.required("beta", s);
            return this;
        }

        public Builder surrogate(ParameterSpace<SurrogateKind> s) {
            this.surrogate = Spaces.required("surrogate", s);
            return this;
        }

        public Builder surrogateWidth(ParameterSpace<Double> s) {
            this.surrogateWidth = Spaces.required("surrogateWidth", s);
            return this;
        }

        public Builder wsgSamples(ParameterSpace<Integer> s) {
            this.wsgSamples = Spaces.required("wsgSamples", s);
            return this;
        }

        public Builder resetMode(ParameterSpace<ResetMode> s) {
            this.resetMode = Spaces.required("resetMode", s);
            return this;
        }

        public Builder resetDifferentiated(ParameterSpace<Boolean> s) {
            this.resetDifferentiated = Spaces.required("resetDifferentiated", s);
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public SpikingDenseLayerSpace build() {
            return new SpikingDenseLayerSpace(this);
        }
    }
}
