package org.dl4jsnn.samediff.rfg;

/** Which parameters one direction perturbs together. */
public enum Perturbation {
    /** RFG-G: one direction over all parameters, one JVP per direction. */
    GLOBAL,
    /** RFG-L: an independent direction per parameter group, one JVP per group perturbing only it. */
    LAYER_WISE
}
