package org.dl4jsnn.surrogate;

import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/** SG: H'(z) replaced by the Gaussian density of width s (the derivative of Phi(z/s)). */
public final class GaussianSurrogate implements Surrogate {

    private static final long serialVersionUID = 1L;

    private final double width;
    // constants of exp(-z^2/(2 s^2)) / (sqrt(2 pi) s): the hot loop multiplies instead of dividing
    private final double peak;
    private final double negHalfInvVariance;

    @JsonCreator
    public GaussianSurrogate(@JsonProperty("width") double width) {
        this.width = Surrogate.requireWidth(width);
        this.peak = 1.0 / (Math.sqrt(2.0 * Math.PI) * width);
        this.negHalfInvVariance = -0.5 / (width * width);
    }

    @Override
    @JsonProperty("width")
    public double width() {
        return width;
    }

    @Override
    public double derivative(double z, long noiseSeed, long element) {
        return peak * Math.exp(negHalfInvVariance * z * z);
    }

    /** 1 / (sqrt(2 pi) s): {@link #derivative} = densityPeak * exp(exponentScale * z * z), for SIMD loops. */
    public double densityPeak() {
        return peak;
    }

    /** -1 / (2 s^2). */
    public double exponentScale() {
        return negHalfInvVariance;
    }

    @Override
    public boolean isStochastic() {
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianSurrogate other && Double.compare(width, other.width) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(width);
    }

    @Override
    public String toString() {
        return "SG(s=" + width + ")";
    }
}
