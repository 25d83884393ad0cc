package org.dl4jsnn.samediff.spike;

import java.util.ArrayList;
import java.util.List;
import org.dl4jsnn.surrogate.SteinSurrogate;
import org.dl4jsnn.surrogate.Surrogate;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;

/**
 * Builds spikes into one SameDiff graph and remembers where they are.
 *
 * <p>A spike is written in the straight-through form {@code sur + StopGradient(step(z) - sur)} with
 * {@code sur = Phi(z / s)}, the Gaussian CDF of the surrogate's width s. Its value is exactly H(z) (1 if
 * z > 0 else 0): for z <= 0 it is sur - sur = 0; for z > 0, sur >= 0.5 so 1 - sur is exact (Sterbenz)
 * and sur + (1 - sur) = 1. SameDiff's reverse mode sees only sur, so it differentiates with the Gaussian
 * surrogate g(z) (for WSG: the Gaussian surrogate WSG estimates).
 *
 * <p>{@link #forwardOnly} spikes are the bare step H(z), one op instead of eight: for graphs trained by
 * forward mode only (RFG), where SameDiff's reverse mode, which would see no derivative, never runs.
 *
 * <p>Forward mode uses the recorded {@link SpikeSite}s to apply {@code dS = H'(z) dz} with the site's
 * own {@link Surrogate}, SG or WSG, as the DL4J layers do. The record is why this is an object per
 * graph, not a static factory.
 */
public final class SpikeOps {

    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);

    private final SameDiff sd;
    private final boolean straightThrough;
    private final List<SpikeSite> sites = new ArrayList<>();
    private final List<SpikeNoise> noises = new ArrayList<>();

    /** Spikes that SameDiff's reverse mode differentiates by the Gaussian surrogate, and forward mode too. */
    public SpikeOps(SameDiff sd) {
        this(sd, true);
    }

    private SpikeOps(SameDiff sd, boolean straightThrough) {
        this.sd = sd;
        this.straightThrough = straightThrough;
    }

    /** Spikes for forward mode only: cheaper, and SameDiff's reverse mode sees a zero derivative through them. */
    public static SpikeOps forwardOnly(SameDiff sd) {
        return new SpikeOps(sd, false);
    }

    /** H(z) with the Gaussian surrogate (SG) of standard deviation {@code width}. */
    public SDVariable spike(SDVariable z, double width) {
        return spike(null, z, width);
    }

    /** H(z) with the Gaussian surrogate (SG) of standard deviation {@code width}; name may be null. */
    public SDVariable spike(String name, SDVariable z, double width) {
        return spike(name, z, Surrogate.gaussian(requireWidth(width)), null, 0);
    }

    /**
     * H(z) differentiated by {@code surrogate}; name may be null.
     *
     * @param noise the layer's draws (from {@link #noise}) when the surrogate is stochastic, else null
     * @param step  the time step whose draws this spike uses
     */
    public SDVariable spike(String name, SDVariable z, Surrogate surrogate, SpikeNoise noise, int step) {
        if (z.getSameDiff() != sd) {
            throw new IllegalArgumentException("variable '" + z.name() + "' belongs to another SameDiff graph");
        }
        if (noise != null && !noises.contains(noise)) {
            throw new IllegalArgumentException("noise " + noise.placeholder() + " was not made by this SpikeOps");
        }
        SDVariable spike;
        if (straightThrough) {
            double width = surrogate.width();
            SDVariable soft = sd.math().erf(z.mul(INV_SQRT2 / width)).add(1.0).mul(0.5);
            SDVariable hardMinusSoft = sd.math().step(z, 0.0).sub(soft);
            spike = soft.add(name, stopGradient(hardMinusSoft));
        } else {
            spike = sd.math().step(name, z, 0.0);
        }
        sites.add(new SpikeSite(spike.name(), z.name(), surrogate, noise, step));
        return spike;
    }

    /**
     * A placeholder for one spiking layer's WSG draws, [batch, neurons, steps, samples].
     *
     * @param batchSource a placeholder whose first dimension is the batch size
     */
    public SpikeNoise noise(String name, SDVariable batchSource, int layerIndex, int neurons, int steps,
                            SteinSurrogate surrogate) {
        SpikeNoise noise = new SpikeNoise(name, batchSource.name(), layerIndex, neurons, steps, surrogate.samples());
        DataType type = batchSource.dataType();
        sd.placeHolder(name, type, -1, neurons, steps, surrogate.samples());
        noises.add(noise);
        return noise;
    }

    /** The spikes built so far, in creation order. */
    public List<SpikeSite> sites() {
        return List.copyOf(sites);
    }

    public SameDiff sameDiff() {
        return sd;
    }

    /** Identity in value, zero derivative in both reverse and forward mode. */
    public static SDVariable stopGradient(SDVariable v) {
        return new StopGradient(v.getSameDiff(), v).outputVariable();
    }

    private static double requireWidth(double width) {
        if (!(width > 0) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("surrogate width must be positive and finite, got " + width);
        }
        return width;
    }
}
