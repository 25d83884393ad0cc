package org.dl4jsnn.reproduce;

/** How the gradient is obtained (docs/design.md section 3). */
public enum GradientKind {
    BP("BP"),
    RFG_G("RFG-G"),
    RFG_L("RFG-L"),
    /** Activity perturbation (beyond the paper): RFG-L with spiking layers' currents perturbed, not weights. */
    RFG_A("RFG-A"),
    /**
     * Local-loss-guided directions (beyond the paper): RFG-L with each layer that feeds a local head perturbed
     * along its local loss's gradient; needs the local heads, so it implies them (biased, docs/design.md
     * section 3).
     */
    RFG_LG("RFG-LG");

    private final String label;

    GradientKind(String label) {
        this.label = label;
    }

    /** The spelling in method labels, e.g. "RFG-L". */
    public String label() {
        return label;
    }

    /** Forward-gradient methods draw random directions; only they have a meaningful K. */
    public boolean isForwardGradient() {
        return this != BP;
    }

    /** Whether the method trains through local heads by construction (their losses are its guides). */
    public boolean needsLocalHeads() {
        return this == RFG_LG;
    }
}
