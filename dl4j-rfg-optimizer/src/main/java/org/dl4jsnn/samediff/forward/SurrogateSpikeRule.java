package org.dl4jsnn.samediff.forward;

import org.dl4jsnn.samediff.spike.SpikeNoise;
import org.dl4jsnn.samediff.spike.SpikeSite;
import org.dl4jsnn.surrogate.SteinSurrogate;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * dS = H'(z) dz for a recorded spike, H' the site's surrogate: SG's Gaussian density, or WSG's Stein
 * estimate (1/(N s)) sum_i [xi_i > -z/s] xi_i from the layer's draws, as the core's surrogates compute
 * them. The slope depends on primal values only, so the tangent graphs of several directions share it.
 */
final class SurrogateSpikeRule {

    private SurrogateSpikeRule() {
    }

    static SDVariable tangent(SameDiff sd, SpikeSite site, SDVariable dz, String name) {
        return dz.mul(name, slope(sd, site));
    }

    private static SDVariable slope(SameDiff sd, SpikeSite site) {
        String name = site.spike() + "-surrogate-slope";
        if (sd.hasVariable(name)) {
            return sd.getVariable(name);
        }
        SDVariable z = sd.getVariable(site.input());
        double w = site.surrogate().width();
        if (site.surrogate() instanceof SteinSurrogate stein) {
            SpikeNoise noise = site.noise();
            SDVariable draws = sd.getVariable(noise.placeholder())
                    .get(SDIndex.all(), SDIndex.all(), SDIndex.point(site.step()), SDIndex.all());
            SDVariable cut = sd.expandDims(z.neg().div(w), 2);
            // xi - cut > 0 exactly when xi > cut (IEEE subtraction is exact in sign), as the core compares
            SDVariable above = sd.math().step(draws.sub(cut), 0.0);
            return above.mul(draws).sum(2).div(name, stein.samples() * w);
        }
        return sd.math().exp(sd.math().square(z).mul(-1.0 / (2 * w * w)))
                .mul(name, 1.0 / (Math.sqrt(2 * Math.PI) * w));
    }
}
