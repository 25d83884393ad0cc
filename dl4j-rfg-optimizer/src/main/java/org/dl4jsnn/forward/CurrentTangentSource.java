package org.dl4jsnn.forward;

/**
 * Stacked tangent directions that perturb a spiking layer's input current instead of parameters
 * (activity perturbation, docs/design.md section 3): direction row k adds u_t to the current tangent
 * Idot_t of the one layer it belongs to, and perturbs no parameter anywhere.
 */
public interface CurrentTangentSource {

    /** True when row k perturbs a current (then {@link #segmentOf} names the layer). */
    boolean perturbsCurrent(int row);

    /** The forward graph's segment (spiking layer) whose current row k perturbs. */
    int segmentOf(int row);

    /**
     * u_t of row k for examples {@code first .. first + batch - 1} of the minibatch, written neuron-major
     * and batch-innermost ([j][b], as the layer kernel's layout), overwriting {@code into}. A pure
     * function of its arguments, so every batch chunking sees the same values.
     */
    void fill(int row, int t, int first, int batch, int nOut, double[] into);

    /**
     * True when a spiking layer driven by a static input (its current W x + b the same at every step) should
     * get one u, drawn for step 0 and added at every step, instead of a fresh u per step. Both are unbiased for
     * such a layer, since dL/dW = (sum_t dL/dI_t) x^T; the constant one perturbs nOut values per row instead of
     * nOut x T, so it is the less noisy (docs/design.md section 3). Layers driven by spikes always draw per step.
     */
    default boolean constantForStaticInput() {
        return false;
    }

    /**
     * {@link #fill} for a FLOAT network's sweep, rounded to float. This default goes through a double array
     * it allocates per call; a source the float sweep runs every step should draw float directly.
     */
    default void fill(int row, int t, int first, int batch, int nOut, float[] into) {
        double[] u = new double[nOut * batch];
        fill(row, t, first, batch, nOut, u);
        for (int e = 0; e < u.length; e++) {
            into[e] = (float) u[e];
        }
    }
}
