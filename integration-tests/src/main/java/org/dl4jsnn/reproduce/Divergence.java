package org.dl4jsnn.reproduce;

import java.util.Objects;

/**
 * Why and where a run's training was stopped as diverged ({@link DivergenceRule}).
 *
 * @param iteration the iteration (1-based) at which the rule fired
 * @param reason one sentence naming the loss that fired it
 */
public record Divergence(int iteration, String reason) {

    public Divergence {
        if (iteration < 1) {
            throw new IllegalArgumentException("iteration must be >= 1, got " + iteration);
        }
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return "diverged at iteration " + iteration + ": " + reason;
    }
}
