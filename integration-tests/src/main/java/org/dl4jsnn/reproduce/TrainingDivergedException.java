package org.dl4jsnn.reproduce;

/**
 * Training produced a loss or gradient that is not finite. A learning-rate search treats it as a
 * failed candidate; anywhere else it ends the reproduction (exit 1) with the message naming the
 * run and iteration.
 */
public class TrainingDivergedException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }

    public TrainingDivergedException(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}
