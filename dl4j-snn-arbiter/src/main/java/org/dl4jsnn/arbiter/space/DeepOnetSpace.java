package org.dl4jsnn.arbiter.space;

import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.dl4jsnn.arbiter.candidate.DeepOnetCandidate;
import org.dl4jsnn.operator.SpikingDeepOnet;

/**
 * Spiking DeepONets built through {@link SpikingDeepOnet} and their training methods: T, surrogate kind,
 * width s and WSG samples N, threshold, hidden width and latent size p are searchable; the sensor count
 * m is the data's.
 */
public class DeepOnetSpace extends CompositeSpace<DeepOnetCandidate> {

    private int sensors;
    private ParameterSpace<Integer> hiddenWidth;
    private ParameterSpace<Integer> latent;
    private ParameterSpace<Integer> timeSteps;
    private ParameterSpace<SurrogateKind> surrogate;
    private ParameterSpace<Double> surrogateWidth;
    private ParameterSpace<Integer> wsgSamples;
    private ParameterSpace<Double> threshold;
    private TrainingMethodSpace method;

    /** For JSON. */
    protected DeepOnetSpace() {
    }

    private DeepOnetSpace(Builder b) {
        if (b.sensors < 1) {
            throw new IllegalArgumentException("sensors m must be >= 1, got " + b.sensors);
        }
        this.sensors = b.sensors;
        this.hiddenWidth = b.hiddenWidth;
        this.latent = b.latent;
        this.timeSteps = b.timeSteps;
        this.surrogate = b.surrogate;
        this.surrogateWidth = b.surrogateWidth;
        this.wsgSamples = b.wsgSamples;
        this.threshold = b.threshold;
        this.method = Spaces.required("method", b.method);
    }

    @Override
    public DeepOnetCandidate getValue(double[] values) {
        return new DeepOnetCandidate(sensors, hiddenWidth.getValue(values), latent.getValue(values),
                timeSteps.getValue(values),
                surrogate.getValue(values).create(surrogateWidth.getValue(values), wsgSamples.getValue(values)),
                threshold.getValue(values), method.getValue(values));
    }

    public int getSensors() {
        return sensors;
    }

    public TrainingMethodSpace getMethod() {
        return method;
    }

    @Override
    public String toString() {
        return "DeepOnetSpace(m=" + sensors + ", hidden=" + hiddenWidth + ", p=" + latent + ", T=" + timeSteps
                + ", surrogate=" + surrogate + ", s=" + surrogateWidth + ", N=" + wsgSamples + ", threshold="
                + threshold + ", " + method + ")";
    }

    /** Defaults are the paper's Poisson DeepONet: m = 100, hidden 32, p = 32, T = 32, SG with s = 0.3. */
    public static final class Builder {
        private int sensors = 100;
        private ParameterSpace<Integer> hiddenWidth = Spaces.fixed(32);
        private ParameterSpace<Integer> latent = Spaces.fixed(32);
        private ParameterSpace<Integer> timeSteps = Spaces.fixed(32);
        private ParameterSpace<SurrogateKind> surrogate = Spaces.fixed(SurrogateKind.SG);
        private ParameterSpace<Double> surrogateWidth = Spaces.fixed(0.3);
        private ParameterSpace<Integer> wsgSamples = Spaces.fixed(16);
        private ParameterSpace<Double> threshold = Spaces.fixed(1.0);
        private TrainingMethodSpace method = new TrainingMethodSpace.Builder().build();

        public Builder sensors(int m) {
            this.sensors = m;
            return this;
        }

        public Builder hiddenWidth(ParameterSpace<Integer> s) {
            this.hiddenWidth = Spaces.required("hiddenWidth", s);
            return this;
        }

        public Builder latent(ParameterSpace<Integer> s) {
            this.latent = Spaces.required("latent", s);
            return this;
        }

        public Builder timeSteps(ParameterSpace<Integer> s) {
            this.timeSteps = Spaces.required("timeSteps", s);
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

        public Builder threshold(ParameterSpace<Double> s) {
            this.threshold = Spaces.required("threshold", s);
            return this;
        }

        public Builder method(TrainingMethodSpace s) {
            this.method = Spaces.required("method", s);
            return this;
        }

        public DeepOnetSpace build() {
            return new DeepOnetSpace(this);
        }
    }
}
