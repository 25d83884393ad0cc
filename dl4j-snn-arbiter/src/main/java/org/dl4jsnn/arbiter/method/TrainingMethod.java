package org.dl4jsnn.arbiter.method;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import org.dl4jsnn.estimator.DirectionDistribution;
import org.dl4jsnn.estimator.Perturbation;
import org.dl4jsnn.estimator.RfgSettings;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * One candidate's way of training: the gradient method and, for RFG, its K directions and their
 * distribution, plus Adam's learning rate and its schedule. Immutable.
 *
 * @param directions   K >= 1 (ignored by BP, which is kept at 1 so that equal methods compare equal)
 * @param learningRate Adam's starting rate, finite and in (0, 1]
 */
public record TrainingMethod(GradientMethod gradient, int directions, DirectionDistribution distribution,
                             double learningRate, LearningRateSchedule schedule) implements Serializable {

    public TrainingMethod {
        Objects.requireNonNull(gradient, "gradient");
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(schedule, "schedule");
        if (directions < 1) {
            throw new IllegalArgumentException("directions K must be >= 1, got " + directions);
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1], got " + learningRate);
        }
        if (gradient == GradientMethod.BP) {
            directions = 1;
            distribution = DirectionDistribution.RADEMACHER;
        }
    }

    /** Adam with this rate and schedule over a run of {@code iterations} iterations. */
    public IUpdater updater(int iterations) {
        return new Adam(schedule.schedule(learningRate, iterations));
    }

    /** The estimator's settings; only for RFG methods. */
    public RfgSettings rfgSettings(long seed) {
        if (!gradient.isForwardGradient()) {
            throw new IllegalStateException("BP has no RFG settings");
        }
        Perturbation p = gradient == GradientMethod.RFG_G ? Perturbation.GLOBAL : Perturbation.LAYERWISE;
        return new RfgSettings(p, directions, distribution, seed);
    }

    /** Short label: BP, RFG-L, RFG-GxK4, RFG-L (gaussian). */
    public String label() {
        StringBuilder sb = new StringBuilder(gradient.label());
        if (gradient.isForwardGradient()) {
            if (directions > 1) {
                sb.append("xK").append(directions);
            }
            if (distribution != DirectionDistribution.RADEMACHER) {
                sb.append(" (").append(distribution.name().toLowerCase(Locale.ROOT)).append(')');
            }
        }
        return sb.toString();
    }
}
