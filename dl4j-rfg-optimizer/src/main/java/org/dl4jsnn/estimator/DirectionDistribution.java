package org.dl4jsnn.estimator;

import java.util.SplittableRandom;
import org.dl4jsnn.surrogate.Gaussians;

/**
 * How the K tangent directions of one group are drawn. Rademacher is the default: for g = (grad L . v) v,
 * E|g|^2 = (d + kappa4 - 1)|grad L|^2 with kappa4 = 1 for Rademacher and 3 for Gaussian (docs/design.md
 * section 3). Every choice has E[v v^T] = I, so every estimate is unbiased.
 */
public enum DirectionDistribution {
    /** +1 or -1 with probability 1/2 each (the paper's "Bernoulli"), independently. */
    RADEMACHER,
    /** Standard normal, independently. */
    GAUSSIAN,
    /**
     * The K directions of a group of n parameters are mutually orthogonal, each uniform on the sphere of
     * radius sqrt(n) (Gaussian draws, Gram-Schmidt, rescaled); for K > n, blocks of n such directions,
     * independent of each other. Each direction alone is unbiased (E[v v^T] = I); together they never
     * measure the same component twice, and with K = n the average is the exact gradient.
     */
    ORTHOGONAL;

    /** One entry of an independent direction. */
    double sample(SplittableRandom rng) {
        if (this == RADEMACHER) {
            return rng.nextBoolean() ? 1.0 : -1.0;
        }
        if (this == GAUSSIAN) {
            return Gaussians.quantile(rng.nextDouble() * (1 - 0x1.0p-53) + 0x1.0p-54);
        }
        throw new IllegalStateException(this + " directions are drawn jointly, not entry by entry");
    }
}
