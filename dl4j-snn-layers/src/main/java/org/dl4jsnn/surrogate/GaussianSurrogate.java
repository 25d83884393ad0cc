package org.dl4jsnn.surrogate;

import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/** SG: H'(z) replaced by the Gaussian density of width s (the derivative of Phi(z/s)). */
public final class GaussianSurrogate implements Surrogate {

    private static final long serialVersionUID = 1L;

    private final double width;

    @JsonCreator
    public GaussianSurrogate(@JsonProperty("width") double width) {
        this.width = Surrogate.requireWidth(width);
    }

    @Override
    @JsonProperty("width")
    public double width() {
        return width;
    }

    @Override
    public double derivative(double z, long noiseSeed, long element) {
        return Gaussians.pdf(z / width) / width;
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
