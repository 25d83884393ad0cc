package org.dl4jsnn.estimator;

/**
 * Which layers activity perturbation (RFG-A) perturbs by their pre-activation instead of by their weights
 * (docs/design.md section 3). The rest keep weight-perturbed groups as in RFG-L.
 */
public enum ActivityLayers {
    /** The spiking layers' input currents; dense layers and custom vertices are weight-perturbed. */
    SPIKING,
    /**
     * The spiking layers' currents and every dense layer's pre-activation {@code z = W x + b}: a DeepONet's
     * {@code branch_out}/{@code trunk_out} (nOut x nIn weights each) then carry noise that grows with nOut
     * per row instead of with nOut x nIn; custom vertices (the DeepONet's {@code w0}, {@code b0}) stay
     * weight-perturbed.
     */
    SPIKING_AND_DENSE,
    /**
     * Every affine output perturbed once: as {@link #SPIKING_AND_DENSE}, and a spiking layer driven by a static
     * input (its current W x + b computed once, as a DeepONet's or SepONet's first tower layer) gets one u per
     * (row, neuron) added at every step instead of a fresh u per step, so its noise grows with nOut per row
     * instead of nOut x T. Layers driven by spikes (a new current every step) still draw per step.
     */
    AFFINE_OUTPUTS
}
