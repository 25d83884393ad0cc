package org.dl4jsnn.estimator;

import java.util.Objects;

/**
 * The randomized forward gradient's settings.
 *
 * @param directions K, the number of independent estimates averaged per iteration (>= 1)
 * @param seed       fixes the directions: those of iteration i are a function of (seed, i) alone, so a
 *                   run restored from a checkpoint continues exactly as an uninterrupted one
 * @param grouping   how layer-wise perturbation divides the parameters (ignored by GLOBAL)
 * @param activityLayers which layers ACTIVITY perturbs by their pre-activation (SPIKING for the others)
 */
public record RfgSettings(Perturbation perturbation, int directions, DirectionDistribution distribution, long seed,
                          Grouping grouping, ActivityLayers activityLayers) {

    public RfgSettings {
        Objects.requireNonNull(perturbation, "perturbation");
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(activityLayers, "activityLayers");
        if (activityLayers != ActivityLayers.SPIKING && perturbation != Perturbation.ACTIVITY) {
            throw new IllegalArgumentException("activityLayers " + activityLayers + " needs activity perturbation"
                    + " (RFG-A); " + perturbation + " perturbs weights only: use ActivityLayers.SPIKING");
        }
        if (directions < 1) {
            throw new IllegalArgumentException("directions K must be >= 1, got " + directions);
        }
        if (perturbation == Perturbation.ACTIVITY && distribution == DirectionDistribution.ORTHOGONAL) {
            throw new IllegalArgumentException("activity perturbation draws u per (example, neuron, step) from"
                    + " rademacher or gaussian; orthogonal directions are for parameter perturbation");
        }
        if (perturbation == Perturbation.LOCAL_GUIDED && directions != 1 && directions != 2) {
            throw new IllegalArgumentException("local-guided directions take K = 1 (the guide alone, biased) or"
                    + " K = 2 (the guide plus a random direction orthogonal to it, unbiased): directions K must be"
                    + " 1 or 2, got " + directions);
        }
    }

    /** Activity perturbation, where chosen, of the spiking layers only. */
    public RfgSettings(Perturbation perturbation, int directions, DirectionDistribution distribution, long seed,
                       Grouping grouping) {
        this(perturbation, directions, distribution, seed, grouping, ActivityLayers.SPIKING);
    }

    /** One group per layer (the paper's RFG-L). */
    public RfgSettings(Perturbation perturbation, int directions, DirectionDistribution distribution, long seed) {
        this(perturbation, directions, distribution, seed, Grouping.byLayer());
    }

    public static RfgSettings global(long seed) {
        return new RfgSettings(Perturbation.GLOBAL, 1, DirectionDistribution.RADEMACHER, seed);
    }

    public static RfgSettings layerwise(long seed) {
        return new RfgSettings(Perturbation.LAYERWISE, 1, DirectionDistribution.RADEMACHER, seed);
    }

    /** RFG-A: each spiking layer's input current perturbed in a tangent of its own (docs/design.md section 3). */
    public static RfgSettings activity(long seed) {
        return new RfgSettings(Perturbation.ACTIVITY, 1, DirectionDistribution.RADEMACHER, seed);
    }

    /**
     * RFG-LG: layers feeding a local head perturbed along their local loss's gradient, the others as in
     * RFG-L (docs/design.md section 3).
     */
    public static RfgSettings localGuided(long seed) {
        return new RfgSettings(Perturbation.LOCAL_GUIDED, 1, DirectionDistribution.RADEMACHER, seed);
    }

    public RfgSettings withDirections(int k) {
        return new RfgSettings(perturbation, k, distribution, seed, grouping, activityLayers);
    }

    public RfgSettings withDistribution(DirectionDistribution d) {
        return new RfgSettings(perturbation, directions, d, seed, grouping, activityLayers);
    }

    public RfgSettings withGrouping(Grouping g) {
        return new RfgSettings(perturbation, directions, distribution, seed, g, activityLayers);
    }

    public RfgSettings withActivityLayers(ActivityLayers layers) {
        return new RfgSettings(perturbation, directions, distribution, seed, grouping, layers);
    }
}
