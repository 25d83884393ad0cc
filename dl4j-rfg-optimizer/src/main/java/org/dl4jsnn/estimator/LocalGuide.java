package org.dl4jsnn.estimator;

import java.util.Set;

/**
 * The guesses of one local-guided iteration (docs/design.md section 3): for each guided layer, the
 * gradient of its local loss with respect to that layer's parameters, written where those parameters sit
 * in the flat vector (other entries are ignored).
 *
 * @param gradient local-loss gradients, as long as the flat parameter vector
 * @param segments the guided layers (indices into the forward graph's segments)
 */
public record LocalGuide(double[] gradient, Set<Integer> segments) {

    public LocalGuide {
        if (gradient == null) {
            throw new IllegalArgumentException("gradient must not be null");
        }
        segments = Set.copyOf(segments);
    }

    /**
     * Replaces the random direction of every group of a guided layer by the unit vector along that group's
     * part of the local gradient, u = g / |g|, so its estimate is (dL . u) u. A group whose local gradient is
     * exactly zero keeps its random direction (unbiased there).
     *
     * @param v the stacked directions of {@code layout} (one per group: K = 1), changed in place
     * @throws NonFiniteGradientException if a guided group's local gradient is not finite
     */
    public void applyTo(DirectionLayout layout, double[][] v, long iteration) {
        if (layout.settings().directions() != 1 || v.length != layout.groups().size()) {
            throw new IllegalArgumentException("local guides replace one direction per group; got "
                    + v.length + " directions for " + layout.groups().size() + " groups");
        }
        for (int g = 0; g < layout.groups().size(); g++) {
            ParameterGroup group = layout.groups().get(g);
            if (!segments.contains(group.segment())) {
                continue;
            }
            int[] idx = group.indices();
            double norm2 = 0;
            for (int e : idx) {
                norm2 += gradient[e] * gradient[e];
            }
            if (!Double.isFinite(norm2)) {
                throw new NonFiniteGradientException("RFG iteration " + iteration + ": the local-loss gradient of "
                        + group + " is not finite; training stopped before the weights were touched");
            }
            if (norm2 == 0) {
                continue;
            }
            double inv = 1 / Math.sqrt(norm2);
            for (int e : idx) {
                v[g][e] = gradient[e] * inv;
            }
        }
    }
}
