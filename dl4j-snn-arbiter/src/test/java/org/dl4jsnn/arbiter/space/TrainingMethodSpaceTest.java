package org.dl4jsnn.arbiter.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.arbiter.optimize.distribution.LogUniformDistribution;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;
import org.dl4jsnn.arbiter.method.GradientMethod;
import org.dl4jsnn.arbiter.method.LearningRateSchedule;
import org.dl4jsnn.arbiter.method.TrainingMethod;
import org.dl4jsnn.estimator.DirectionDistribution;
import org.dl4jsnn.estimator.Perturbation;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.ISchedule;

class TrainingMethodSpaceTest {

    private static TrainingMethodSpace space() {
        DiscreteParameterSpace<GradientMethod> g = new DiscreteParameterSpace<>(GradientMethod.values());
        DiscreteParameterSpace<Integer> k = new DiscreteParameterSpace<>(1, 4);
        ContinuousParameterSpace lr = new ContinuousParameterSpace(new LogUniformDistribution(1e-3, 1e-1));
        g.setIndices(0);
        k.setIndices(1);
        lr.setIndices(2);
        return new TrainingMethodSpace.Builder().gradient(g).directions(k).learningRate(lr).build();
    }

    @Test
    void logUniformRateHitsTheEndsAndTheGeometricMean() {
        TrainingMethodSpace s = space();
        assertThat(s.getValue(new double[] {0, 0, 0}).learningRate()).isCloseTo(1e-3, within(1e-15));
        assertThat(s.getValue(new double[] {0, 0, 1}).learningRate()).isCloseTo(1e-1, within(1e-15));
        // log-uniform: the midpoint of [0, 1] maps to sqrt(min * max)
        assertThat(s.getValue(new double[] {0, 0, 0.5}).learningRate()).isCloseTo(1e-2, within(1e-12));
    }

    @Test
    void methodsMapToTheEstimatorSettings() {
        TrainingMethodSpace s = space();
        TrainingMethod bp = s.getValue(new double[] {0.0, 0.99, 0.5});
        TrainingMethod global = s.getValue(new double[] {0.5, 0.99, 0.5});
        TrainingMethod layerwise = s.getValue(new double[] {0.99, 0.0, 0.5});
        assertThat(bp.gradient()).isEqualTo(GradientMethod.BP);
        // BP has no directions: K drawn as 4 is recorded as 1, so equal BP candidates compare equal
        assertThat(bp.directions()).isEqualTo(1);
        assertThat(global.rfgSettings(5).perturbation()).isEqualTo(Perturbation.GLOBAL);
        assertThat(global.rfgSettings(5).directions()).isEqualTo(4);
        assertThat(layerwise.rfgSettings(5).perturbation()).isEqualTo(Perturbation.LAYERWISE);
        assertThat(layerwise.rfgSettings(5).distribution()).isEqualTo(DirectionDistribution.RADEMACHER);
        assertThat(global.label()).isEqualTo("RFG-GxK4");
    }

    @Test
    void stepDecayDividesByTenAt60AndByHundredAt85Percent() {
        ISchedule s = LearningRateSchedule.STEP_DECAY.schedule(0.01, 1000);
        assertThat(s.valueAt(599, 0)).isEqualTo(0.01);
        assertThat(s.valueAt(600, 0)).isCloseTo(0.001, within(1e-15));
        assertThat(s.valueAt(849, 0)).isCloseTo(0.001, within(1e-15));
        assertThat(s.valueAt(850, 0)).isCloseTo(0.0001, within(1e-15));
        assertThat(LearningRateSchedule.CONSTANT.schedule(0.01, 1000).valueAt(999, 0)).isEqualTo(0.01);
    }
}
