package org.dl4jsnn.reproduce;

/**
 * Training diverged ({@link DivergenceRule}), or produced a gradient that is not finite. A
 * learning-rate search drops the candidate; a reported run is recorded as diverged, and the
 * reproduction ends with exit 1 after writing its report.
 */
public class TrainingDivergedException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    /** Where it happened, when known. */
    private final transient Divergence divergence;

    public TrainingDivergedException(String runLabel, Divergence divergence) {
        super(runLabel + ": " + divergence + "; lower --lr");
        this.divergence = divergence;
    }

    /** @return where training diverged, or null when the thrower did not say */
    public Divergence divergence() {
        return divergence;
    }

    public TrainingDivergedException(String message) {
        super(message);
        this.divergence = null;
    }

    public TrainingDivergedException(String message, Throwable cause) {
        super(message);
        this.divergence = null;
        initCause(cause);
    }
}
