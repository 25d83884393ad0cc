package org.dl4jsnn.samediff.forward;

import org.dl4jsnn.samediff.spike.SpikeSite;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** dS = g(z) dz for a recorded spike, g the Gaussian surrogate derivative. */
final class SurrogateSpikeRule {

    private SurrogateSpikeRule() {
    }

    static SDVariable tangent(SameDiff sd, SpikeSite site, SDVariable dz, String name) {
        double w = site.width();
        SDVariable z = sd.getVariable(site.input());
        SDVariable g = sd.math().exp(sd.math().square(z).mul(-1.0 / (2 * w * w)))
                .mul(1.0 / (Math.sqrt(2 * Math.PI) * w));
        return dz.mul(name, g);
    }
}
