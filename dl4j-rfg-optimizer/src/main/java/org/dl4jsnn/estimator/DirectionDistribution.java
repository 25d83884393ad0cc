package org.dl4jsnn.estimator;

import java.util.SplittableRandom;

/**
 * How tangent entries are drawn. Rademacher is the default: for g = (grad L . v) v,
 * E|g|^2 = (d + kappa4 - 1)|grad L|^2 with kappa4 = 1 for Rademacher and 3 for Gaussian (SPEC section 3).
 */
public enum DirectionDistribution {
    /** +1 or -1 with probability 1/2 each (the paper's "Bernoulli"). */
    RADEMACHER,
    /** Standard normal. */
    GAUSSIAN;

    double sample(SplittableRandom rng) {
        if (this == RADEMACHER) {
            return rng.nextBoolean() ? 1.0 : -1.0;
        }
        return org.dl4jsnn.surrogate.Gaussians.quantile(rng.nextDouble() * (1 - 0x1.0p-53) + 0x1.0p-54);
    }
}
