package org.dl4jsnn.samediff.spike;

/**
 * A spike in a SameDiff graph: variable {@code spike} = H({@code input}), differentiated with the
 * Gaussian surrogate of standard deviation {@code width}.
 */
public record SpikeSite(String spike, String input, double width) {

    public SpikeSite {
        if (spike == null || input == null) {
            throw new IllegalArgumentException("spike and input names are required");
        }
        if (!(width > 0) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("surrogate width must be positive and finite, got " + width);
        }
    }

    /** The surrogate derivative g(z) = exp(-z^2 / (2 width^2)) / (sqrt(2 pi) width). */
    public double surrogateDerivative(double z) {
        return Math.exp(-z * z / (2 * width * width)) / (Math.sqrt(2 * Math.PI) * width);
    }
}
