package org.dl4jsnn.arbiter;

import java.util.List;
import org.dl4jsnn.arbiter.candidate.SpikingMlpCandidate;
import org.dl4jsnn.arbiter.method.GradientMethod;
import org.dl4jsnn.arbiter.method.LearningRateSchedule;
import org.dl4jsnn.arbiter.method.TrainingMethod;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.estimator.DirectionDistribution;
import org.dl4jsnn.surrogate.Surrogate;

/** Small candidates shared by the tests. */
public final class TestCandidates {

    private TestCandidates() {
    }

    public static TrainingMethod method(GradientMethod g, int k) {
        return new TrainingMethod(g, k, DirectionDistribution.RADEMACHER, 0.01, LearningRateSchedule.CONSTANT);
    }

    /** 2-6-6-1, T = 4, K = 2 for RFG. */
    public static SpikingMlpCandidate mlp(GradientMethod g) {
        SpikingDense layer = new SpikingDense.Builder().nOut(6).timeSteps(4).surrogate(Surrogate.gaussian(0.5)).build();
        return new SpikingMlpCandidate(2, List.of(layer, layer), 1, method(g, 2));
    }
}
