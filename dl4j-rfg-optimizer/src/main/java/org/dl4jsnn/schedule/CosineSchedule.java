package org.dl4jsnn.schedule;

import java.util.Objects;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Cosine annealing from {@code initialValue} at iteration 0 to {@code finalValue} at iteration
 * {@code iterations}, constant after that: {@code final + (initial - final) (1 + cos(pi i / n)) / 2}.
 * One of the learning-rate schedules of docs/design.md section 3: the rate falls smoothly, so no
 * iteration sees a tenfold jump as under step decay.
 *
 * <p>Jackson-serializable (DL4J writes an updater's schedule into the network configuration and its
 * checkpoints), immutable, iteration-based.
 */
public final class CosineSchedule implements ISchedule {

    private static final long serialVersionUID = 1L;

    private final double initialValue;
    private final double finalValue;
    private final int iterations;

    /**
     * @param initialValue the value at iteration 0, finite
     * @param finalValue   the value from iteration {@code iterations} on, finite
     * @param iterations   the length of the annealing, >= 1
     */
    public CosineSchedule(@JsonProperty("initialValue") double initialValue,
                          @JsonProperty("finalValue") double finalValue,
                          @JsonProperty("iterations") int iterations) {
        if (!Double.isFinite(initialValue) || !Double.isFinite(finalValue)) {
            throw new IllegalArgumentException("initialValue and finalValue must be finite, got " + initialValue
                    + " and " + finalValue);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        this.initialValue = initialValue;
        this.finalValue = finalValue;
        this.iterations = iterations;
    }

    /** Annealing to a hundredth of {@code lr} over {@code iterations}: the default cosine schedule. */
    public static CosineSchedule toHundredth(double lr, int iterations) {
        return new CosineSchedule(lr, lr / 100, iterations);
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double progress = Math.min(Math.max(iteration, 0), iterations) / (double) iterations;
        return finalValue + (initialValue - finalValue) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    @Override
    public ISchedule clone() {
        return new CosineSchedule(initialValue, finalValue, iterations);
    }

    public double getInitialValue() {
        return initialValue;
    }

    public double getFinalValue() {
        return finalValue;
    }

    public int getIterations() {
        return iterations;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CosineSchedule c && Double.compare(c.initialValue, initialValue) == 0
                && Double.compare(c.finalValue, finalValue) == 0 && c.iterations == iterations;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initialValue, finalValue, iterations);
    }

    @Override
    public String toString() {
        return "CosineSchedule(" + initialValue + " -> " + finalValue + " over " + iterations + " iterations)";
    }
}
