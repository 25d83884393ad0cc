package org.dl4jsnn.reproduce;

/**
 * One point of a training curve.
 *
 * @param testError relative L2 test error, or NaN at iterations where it was not evaluated
 */
public record TrainingPoint(int iteration, double loss, double testError) {

    public TrainingPoint {
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
        }
    }
}
