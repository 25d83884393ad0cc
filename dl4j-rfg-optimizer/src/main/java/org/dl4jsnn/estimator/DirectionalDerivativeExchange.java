package org.dl4jsnn.estimator;

/**
 * The seam of data-parallel RFG (docs/design.md section 9): what the estimator does with the K
 * directional derivatives its forward sweep measured before it forms the estimate. One process keeps
 * them ({@link #LOCAL}); a data-parallel replica swaps them for the whole batch's, gathered from every
 * shard. Every replica draws the same directions from (seed, iteration), so these K numbers are all that
 * has to cross the network.
 */
@FunctionalInterface
public interface DirectionalDerivativeExchange {

    /** Keeps the process's own derivatives: single-process training. */
    DirectionalDerivativeExchange LOCAL = (iteration, ldots) -> ldots;

    /**
     * @param iteration the iteration whose directions were measured
     * @param ldots     the directional derivatives of the loss summed over this process's minibatch, one per
     *                  stacked direction (K per group)
     * @return the derivatives to estimate with, one per stacked direction, on the scale of {@code ldots}
     *         (a loss summed over this process's minibatch, which DL4J's updater divides by its size)
     */
    double[] exchange(long iteration, double[] ldots);
}
