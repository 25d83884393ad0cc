package org.dl4jsnn.arbiter.run;

import java.util.Objects;
import org.dl4jsnn.surrogate.CounterNoise;

/**
 * A search's budget and reproducibility settings.
 *
 * @param candidates  stop after this many candidates have finished (including ones finished by an earlier run
 *                    into the same folder), >= 1
 * @param maxMinutes  start no new candidate after this many minutes (a running one finishes), > 0
 * @param iterations  training iterations (minibatches) per candidate, >= 1
 * @param gridPoints  points per continuous range for {@link SearchStrategy#GRID}, >= 2
 * @param seed        fixes the candidates drawn and each candidate's weights and RFG directions
 */
public record SearchSettings(SearchStrategy strategy, int candidates, double maxMinutes, int iterations,
                             int gridPoints, long seed) {

    public SearchSettings {
        Objects.requireNonNull(strategy, "strategy");
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be >= 1, got " + candidates);
        }
        if (!(maxMinutes > 0) || Double.isInfinite(maxMinutes)) {
            throw new IllegalArgumentException("maxMinutes must be finite and > 0, got " + maxMinutes);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        if (gridPoints < 2) {
            throw new IllegalArgumentException("gridPoints must be >= 2, got " + gridPoints);
        }
    }

    public long maxMillis() {
        return Math.round(maxMinutes * 60_000);
    }

    /** DL4J's weight seed of candidate {@code index}; never 0, which DL4J M2.1 treats as unseeded. */
    public long networkSeed(int index) {
        long s = CounterNoise.derive(seed, 2L * index + 1);
        return s == 0 ? 1 : s;
    }

    /** The RFG directions' seed of candidate {@code index}. */
    public long rfgSeed(int index) {
        return CounterNoise.derive(seed, 2L * index + 2);
    }
}
