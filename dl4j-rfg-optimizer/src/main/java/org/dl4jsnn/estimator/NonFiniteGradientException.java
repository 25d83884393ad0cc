package org.dl4jsnn.estimator;

/** Training met a NaN or infinite loss or directional derivative; the weights were left untouched. */
public class NonFiniteGradientException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    public NonFiniteGradientException(String message) {
        super(message);
    }
}
