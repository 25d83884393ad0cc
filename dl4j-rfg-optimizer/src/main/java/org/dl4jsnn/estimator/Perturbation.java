package org.dl4jsnn.estimator;

/** Which parameters one tangent direction perturbs. */
public enum Perturbation {
    /** RFG-G: one direction over all parameters. */
    GLOBAL,
    /** RFG-L: an independent direction per layer, each in its own JVP (all stacked in one sweep). */
    LAYERWISE,
    /**
     * RFG-A (activity perturbation, Ren et al. 2022; beyond the paper): each spiking layer's input current
     * is perturbed by an independent u per (example, neuron, step), in a tangent of its own (stacked like
     * RFG-L's); non-spiking layers are perturbed by weight as in RFG-L (docs/design.md section 3).
     */
    ACTIVITY,
    /**
     * RFG-LG (local-loss-guided directions, after Fournier et al. 2023; beyond the paper): a layer that
     * feeds a local head is perturbed along its local loss's normalized gradient instead of a random
     * direction, the other groups as in RFG-L. With K = 1 biased: the estimate is the true gradient's
     * projection onto the guide; with K = 2 the guide plus a random direction orthogonal to it, unbiased
     * (docs/design.md section 3).
     */
    LOCAL_GUIDED
}
