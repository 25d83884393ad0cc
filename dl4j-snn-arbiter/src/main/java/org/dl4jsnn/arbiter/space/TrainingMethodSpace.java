package org.dl4jsnn.arbiter.space;

import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.dl4jsnn.arbiter.method.GradientMethod;
import org.dl4jsnn.arbiter.method.LearningRateSchedule;
import org.dl4jsnn.arbiter.method.TrainingMethod;
import org.dl4jsnn.estimator.DirectionDistribution;

/**
 * The training method as a search dimension, so that one search compares BP, RFG-G and RFG-L (and their
 * K, direction distribution, learning rate and schedule) together with the layer settings.
 *
 * <pre>{@code
 * new TrainingMethodSpace.Builder()
 *     .gradient(new DiscreteParameterSpace<>(GradientMethod.values()))
 *     .learningRate(new ContinuousParameterSpace(new LogUniformDistribution(1e-3, 3e-2)))
 *     .build();
 * }</pre>
 */
public class TrainingMethodSpace extends CompositeSpace<TrainingMethod> {

    private ParameterSpace<GradientMethod> gradient;
    private ParameterSpace<Integer> directions;
    private ParameterSpace<DirectionDistribution> distribution;
    private ParameterSpace<Double> learningRate;
    private ParameterSpace<LearningRateSchedule> schedule;

    /** For JSON. */
    protected TrainingMethodSpace() {
    }

    private TrainingMethodSpace(Builder b) {
        this.gradient = Spaces.required("gradient", b.gradient);
        this.directions = Spaces.required("directions", b.directions);
        this.distribution = Spaces.required("distribution", b.distribution);
        this.learningRate = Spaces.required("learningRate", b.learningRate);
        this.schedule = Spaces.required("schedule", b.schedule);
    }

    @Override
    public TrainingMethod getValue(double[] values) {
        return new TrainingMethod(gradient.getValue(values), directions.getValue(values),
                distribution.getValue(values), learningRate.getValue(values), schedule.getValue(values));
    }

    public ParameterSpace<GradientMethod> getGradient() {
        return gradient;
    }

    public ParameterSpace<Integer> getDirections() {
        return directions;
    }

    public ParameterSpace<DirectionDistribution> getDistribution() {
        return distribution;
    }

    public ParameterSpace<Double> getLearningRate() {
        return learningRate;
    }

    public ParameterSpace<LearningRateSchedule> getSchedule() {
        return schedule;
    }

    @Override
    public String toString() {
        return "TrainingMethodSpace(gradient=" + gradient + ", K=" + directions + ", distribution=" + distribution
                + ", lr=" + learningRate + ", schedule=" + schedule + ")";
    }

    /** Defaults: RFG-L, K = 1, Rademacher, rate 5e-3, constant. */
    public static final class Builder {
        private ParameterSpace<GradientMethod> gradient = Spaces.fixed(GradientMethod.RFG_L);
        private ParameterSpace<Integer> directions = Spaces.fixed(1);
        private ParameterSpace<DirectionDistribution> distribution = Spaces.fixed(DirectionDistribution.RADEMACHER);
        private ParameterSpace<Double> learningRate = Spaces.fixed(5e-3);
        private ParameterSpace<LearningRateSchedule> schedule = Spaces.fixed(LearningRateSchedule.CONSTANT);

        public Builder gradient(ParameterSpace<GradientMethod> s) {
            this.gradient = Spaces.required("gradient", s);
            return this;
        }

        public Builder directions(ParameterSpace<Integer> s) {
            this.directions = Spaces.required("directions", s);
            return this;
        }

        public Builder distribution(ParameterSpace<DirectionDistribution> s) {
            this.distribution = Spaces.required("distribution", s);
            return this;
        }

        public Builder learningRate(ParameterSpace<Double> s) {
            this.learningRate = Spaces.required("learningRate", s);
            return this;
        }

        public Builder schedule(ParameterSpace<LearningRateSchedule> s) {
            this.schedule = Spaces.required("schedule", s);
            return this;
        }

        public TrainingMethodSpace build() {
            return new TrainingMethodSpace(this);
        }
    }
}
