package org.dl4jsnn.forward;

/**
 * One activity-perturbed layer's part of a sweep (docs/design.md section 3): the direction rows that
 * perturbed its current or pre-activation, and what turns their per-row loss tangents into its weight and
 * bias estimate. A spiking layer's is {@link CurrentTangent} (one per chunk), a dense layer's
 * {@link PreActivationTangent}.
 */
public interface ActivityHook {

    /** The direction rows this hook perturbs. */
    int[] rows();

    /** The rows of the whole minibatch the layer sees (a per-row loss tangent must have as many). */
    int totalRows();

    /**
     * Adds {@code scale} times this hook's share of the estimate of row {@code rows()[r]} to {@code gradient}.
     *
     * @param rowTangents Ldot_b for every row b of the whole minibatch ({@link #totalRows()} of them)
     */
    void accumulate(int r, double[] rowTangents, double scale, double[] gradient);
}
