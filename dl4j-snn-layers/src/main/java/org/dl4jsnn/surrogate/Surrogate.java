package org.dl4jsnn.surrogate;

import java.io.Serializable;
import org.nd4j.shade.jackson.annotation.JsonSubTypes;
import org.nd4j.shade.jackson.annotation.JsonTypeInfo;

/**
 * A stand-in for the derivative of the Heaviside spike H(z), z = U - threshold, which is zero almost
 * everywhere. Back-propagation and the forward-mode engine both ask the same surrogate, so their
 * gradients agree exactly (docs/design.md section 3).
 *
 * <p>Surrogates are values: immutable, comparable, and written to a network's JSON by name
 * ({@code "SG"} or {@code "WSG"}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = GaussianSurrogate.class, name = "SG"),
    @JsonSubTypes.Type(value = SteinSurrogate.class, name = "WSG")})
public sealed interface Surrogate extends Serializable permits GaussianSurrogate, SteinSurrogate {

    /** The Gaussian width s. */
    double width();

    /**
     * The surrogate H'(z).
     *
     * @param noiseSeed the noise stream of this evaluation (ignored by deterministic surrogates)
     * @param element   the neuron-step's index in that stream
     */
    double derivative(double z, long noiseSeed, long element);

    /** True when {@link #derivative} depends on the noise arguments. */
    boolean isStochastic();

    /** SG: the Gaussian density of width s, exp(-z^2/(2 s^2)) / (sqrt(2 pi) s). */
    static Surrogate gaussian(double width) {
        return new GaussianSurrogate(width);
    }

    /** WSG: Stein's-lemma estimate of the Gaussian surrogate from {@code samples} noise draws. */
    static Surrogate stein(double width, int samples) {
        return new SteinSurrogate(width, samples);
    }

    static double requireWidth(double width) {
        if (!(width > 0) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("surrogate width s must be finite and > 0, got " + width);
        }
        return width;
    }
}
