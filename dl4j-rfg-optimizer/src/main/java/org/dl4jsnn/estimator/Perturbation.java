package org.dl4jsnn.estimator;

/** Which parameters one tangent direction perturbs. */
public enum Perturbation {
    /** RFG-G: one direction over all parameters. */
    GLOBAL,
    /** RFG-L: an independent direction per layer, each in its own JVP (all stacked in one sweep). */
    LAYERWISE
}
