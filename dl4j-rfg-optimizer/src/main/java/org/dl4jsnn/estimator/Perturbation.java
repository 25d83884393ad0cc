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
    ACTIVITY
}
