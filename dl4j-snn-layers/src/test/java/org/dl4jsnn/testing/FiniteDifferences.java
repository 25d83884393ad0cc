package org.dl4jsnn.testing;

import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Central finite differences of a scalar score over every element of a parameter vector. */
public final class FiniteDifferences {

    private FiniteDifferences() {
    }

    /**
     * The largest relative error |analytic - fd| / max(|analytic|, |fd|) over all parameters, where
     * fd = (score(p + h) - score(p - h)) / 2h; entries where both are below {@code absFloor} count as
     * agreeing (their relative error is rounding noise).
     *
     * @param params a live view of the model's parameters (perturbed in place, then restored)
     */
    public static double maxRelativeError(INDArray params, INDArray analytic, DoubleSupplier score, double h,
                                          double absFloor) {
        double worst = 0;
        for (long k = 0; k < params.length(); k++) {
            double original = params.getDouble(k);
            params.putScalar(k, original + h);
            double plus = score.getAsDouble();
            params.putScalar(k, original - h);
            double minus = score.getAsDouble();
            params.putScalar(k, original);
            double fd = (plus - minus) / (2 * h);
            double an = analytic.getDouble(k);
            double scale = Math.max(Math.abs(fd), Math.abs(an));
            if (scale < absFloor) {
                continue;
            }
            worst = Math.max(worst, Math.abs(fd - an) / scale);
        }
        return worst;
    }
}
