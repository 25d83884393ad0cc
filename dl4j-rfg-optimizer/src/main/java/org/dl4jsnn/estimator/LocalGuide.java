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
     * Puts the guide into the directions of every group of a guided layer, u = g / |g| over that group's part
     * of the local gradient. With K = 1 the group's direction becomes u, so its estimate is (dL . u) u, the
     * projection of the gradient onto u (biased). With K = 2 (the estimator averages the two) the rows become
     * sqrt(2) u and sqrt(2) w, w = r - (r . u) u the group's random direction r with its component along u
     * removed, so the estimate is (dL . u) u + (dL . w) w: its mean is P g + (I - P) g = g (unbiased, since
     * E[r r^T] = I), and its noise is that of a random direction on the part of the gradient the guide misses.
     * A group whose local gradient is exactly zero keeps its random directions (unbiased there).
     *
     * @param v the stacked directions of {@code layout} (K per group, group-major), changed in place
     * @throws NonFiniteGradientException if a guided group's local gradient is not finite
     */
    public void applyTo(DirectionLayout layout, double[][] v, long iteration) {
        int k = layout.settings().directions();
        if (k < 1 || k > 2 || v.length != k * layout.groups().size()) {
            throw new IllegalArgumentException("local guides take one or two directions per group; got "
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
            double scale = Math.sqrt(k);
            double[] guided = v[g * k];
            if (k == 2) {
                double[] random = v[g * k + 1];
                double along = 0;
                for (int e : idx) {
                    along += random[e] * gradient[e] * inv;
                }
                for (int e : idx) {
                    random[e] = scale * (random[e] - along * gradient[e] * inv);
                }
            }
            for (int e : idx) {
                guided[e] = scale * gradient[e] * inv;
            }
        }
    }
}
