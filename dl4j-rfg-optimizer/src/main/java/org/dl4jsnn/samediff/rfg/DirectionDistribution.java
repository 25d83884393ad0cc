package org.dl4jsnn.samediff.rfg;

import java.util.SplittableRandom;

/**
 * The distribution of a direction's entries: i.i.d., mean 0, variance 1, so that E[v v^T] = I and
 * (grad . v) v is an unbiased gradient estimate.
 */
public enum DirectionDistribution {
    /** +1 or -1 with probability 1/2: the lowest-variance choice (fourth moment 1). */
    RADEMACHER {
        @Override
        double sample(SplittableRandom random) {
            return random.nextBoolean() ? 1.0 : -1.0;
        }
    },
    /** Standard normal (fourth moment 3). */
    GAUSSIAN {
        @Override
        double sample(SplittableRandom random) {
            return random.nextGaussian();
        }
    };

    abstract double sample(SplittableRandom random);
}
