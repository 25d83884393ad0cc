package org.dl4jsnn.reproduce;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One candidate learning rate tried for one method: its error on the validation fold after the
 * search's iterations, NaN if training diverged.
 */
public record LrTrial(String method, long seed, double lr, double validationError) {

    public LrTrial {
        Objects.requireNonNull(method, "method");
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("lr must be finite and > 0, got " + lr);
        }
    }

    public boolean diverged() {
        return !Double.isFinite(validationError);
    }

    /** The trial with the lowest finite validation error; the earlier one wins a tie. Empty if all diverged. */
    public static Optional<LrTrial> best(Collection<LrTrial> trials) {
        return trials.stream().filter(t -> !t.diverged()).min(Comparator.comparingDouble(LrTrial::validationError));
    }
}
