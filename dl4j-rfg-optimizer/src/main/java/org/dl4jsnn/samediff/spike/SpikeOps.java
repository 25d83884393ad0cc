package org.dl4jsnn.samediff.spike;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds spikes into one SameDiff graph and remembers where they are.
 *
 * <p>A spike is written in the straight-through form {@code sur + StopGradient(step(z) - sur)} with
 * {@code sur = Phi(z / width)}, the Gaussian CDF. Its value is exactly H(z) (1 if z > 0 else 0):
 * for z <= 0 it is sur - sur = 0; for z > 0, sur >= 0.5 so 1 - sur is exact (Sterbenz) and
 * sur + (1 - sur) = 1. SameDiff's reverse mode sees only sur, so it differentiates with
 * Phi'(z / width) / width = g(z), the Gaussian surrogate.
 *
 * <p>Forward mode would get the same derivative by differentiating the erf chain, but the recorded
 * {@link SpikeSite}s let it apply {@code dS = g(z) dz} directly and skip that chain. The record is
 * why this is an object per graph, not a static factory.
 */
public final class SpikeOps {

    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);

    private final SameDiff sd;
    private final List<SpikeSite> sites = new ArrayList<>();

    public SpikeOps(SameDiff sd) {
        this.sd = sd;
    }

    public SDVariable spike(SDVariable z, double width) {
        return spike(null, z, width);
    }

    /** H(z) with Gaussian surrogate derivative of standard deviation {@code width}; name may be null. */
    public SDVariable spike(String name, SDVariable z, double width) {
        if (z.getSameDiff() != sd) {
            throw new IllegalArgumentException("variable '" + z.name() + "' belongs to another SameDiff graph");
        }
        if (!(width > 0) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("surrogate width must be positive and finite, got " + width);
        }
        SDVariable soft = sd.math().erf(z.mul(INV_SQRT2 / width)).add(1.0).mul(0.5);
        SDVariable hardMinusSoft = sd.math().step(z, 0.0).sub(soft);
        SDVariable spike = soft.add(name, stopGradient(hardMinusSoft));
        sites.add(new SpikeSite(spike.name(), z.name(), width));
        return spike;
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
}
