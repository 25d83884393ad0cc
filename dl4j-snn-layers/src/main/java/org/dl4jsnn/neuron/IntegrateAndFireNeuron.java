package org.dl4jsnn.neuron;

import java.io.Serializable;
import java.util.Objects;
import org.dl4jsnn.surrogate.Gaussians;
import org.dl4jsnn.surrogate.Surrogate;

/**
 * The (leaky) Integrate-and-Fire neuron: the one place where its update and its derivatives live.
 *
 * <p>Per step, with input current I: U = beta U' + I, S = H(U - theta), then the reset U' = U - theta S
 * or U' = U (1 - S). Every loop in the project (the layer's trajectories for back-propagation, the
 * forward-mode engine's step-by-step sweep) calls these scalar functions, so both differentiate the
 * very same recurrence. The chain rule of one step needs just two local slopes:
 * g = dS/dU (the surrogate) and a = dU'/dU (through the reset), from which
 * <ul>
 *   <li>tangent (forward mode): Udot = beta Udot' + Idot, Sdot = g Udot, Udot'(new) = a Udot;</li>
 *   <li>adjoint (back-propagation): dL/dU = dL/dS g + a dL/dU'(new), dL/dU'(old) = beta dL/dU.</li>
 * </ul>
 *
 * <p>In soft-spike mode (for gradient checks only) H is replaced by Phi(z / s), whose derivative is
 * exactly the Gaussian surrogate, so finite differences can confirm the surrogate gradient.
 */
public final class IntegrateAndFireNeuron implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double threshold;
    private final double beta;
    private final ResetMode resetMode;
    private final boolean resetDifferentiated;
    private final Surrogate surrogate;
    private final boolean softSpikes;

    public IntegrateAndFireNeuron(double threshold, double beta, ResetMode resetMode,
                                  boolean resetDifferentiated, Surrogate surrogate, boolean softSpikes) {
        this.threshold = requireThreshold(threshold);
        this.beta = requireBeta(beta);
        this.resetMode = Objects.requireNonNull(resetMode, "resetMode");
        this.resetDifferentiated = resetDifferentiated;
        this.surrogate = Objects.requireNonNull(surrogate, "surrogate");
        this.softSpikes = softSpikes;
        if (softSpikes && surrogate.isStochastic()) {
            throw new IllegalArgumentException("softSpikes needs a deterministic surrogate (SG), got " + surrogate);
        }
    }

    public static double requireThreshold(double threshold) {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite and > 0, got " + threshold);
        }
        return threshold;
    }

    public static double requireBeta(double beta) {
        if (!(beta > 0 && beta <= 1)) {
            throw new IllegalArgumentException("beta (leak) must be in (0, 1], got " + beta);
        }
        return beta;
    }

    /** U = beta U' + I. Linear, so it also carries tangents: Udot = integrate(Udot', Idot). */
    public double integrate(double membraneAfterReset, double current) {
        return beta * membraneAfterReset + current;
    }

    /** S = H(U - theta), strict: U exactly at threshold does not spike. */
    public double spike(double membrane) {
        double z = membrane - threshold;
        if (softSpikes) {
            return Gaussians.cdf(z / surrogate.width());
        }
        return z > 0 ? 1.0 : 0.0;
    }

    /** g = dS/dU, the surrogate at z = U - theta. */
    public double spikeSlope(double membrane, long noiseSeed, long element) {
        return surrogate.derivative(membrane - threshold, noiseSeed, element);
    }

    /** U' after the spike's reset. */
    public double reset(double membrane, double spike) {
        return resetMode == ResetMode.SUBTRACT ? membrane - threshold * spike : membrane * (1.0 - spike);
    }

    /** a = dU'/dU; a detached reset treats S in the reset term as a constant. */
    public double resetSlope(double membrane, double spike, double spikeSlope) {
        if (resetMode == ResetMode.SUBTRACT) {
            return resetDifferentiated ? 1.0 - threshold * spikeSlope : 1.0;
        }
        return resetDifferentiated ? 1.0 - spike - membrane * spikeSlope : 1.0 - spike;
    }

    /** dL/dU from the loss's sensitivity to this step's spike and to the membrane carried onward. */
    public static double adjointMembrane(double lossPerSpike, double spikeSlope, double resetSlope,
                                         double lossPerCarriedMembrane) {
        return lossPerSpike * spikeSlope + resetSlope * lossPerCarriedMembrane;
    }

    /** dL/dU' of the previous step, from dL/dU of this one. */
    public double adjointCarry(double lossPerMembrane) {
        return beta * lossPerMembrane;
    }

    public double threshold() {
        return threshold;
    }

    public double beta() {
        return beta;
    }

    public ResetMode resetMode() {
        return resetMode;
    }

    public boolean resetDifferentiated() {
        return resetDifferentiated;
    }

    public Surrogate surrogate() {
        return surrogate;
    }

    public boolean softSpikes() {
        return softSpikes;
    }
}
