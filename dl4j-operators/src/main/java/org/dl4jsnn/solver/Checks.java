package org.dl4jsnn.solver;

/**
 * Argument checks shared by the solvers and data sets.
 *
 * <p>Every message names the offending parameter, the allowed range and the value received, so a
 * misconfigured experiment fails at construction with a message that says what to change.
 */
public final class Checks {

    private Checks() {
    }

    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }

    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    public static double positive(String name, double value) {
        // "!(value > 0)" also rejects NaN, which "value <= 0" would let through.
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be > 0 and finite, got " + value);
        }
        return value;
    }

    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + value);
        }
        return value;
    }

    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        return value;
    }

    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    public static double[] finite(String name, double[] values) {
        notNull(name, values);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        name + " must contain only finite values, got " + values[i] + " at index [" + i + "]");
            }
        }
        return values;
    }

    /** Checks a rectangular matrix: non-null rows of equal length {@code columns}, finite entries. */
    public static double[][] finiteMatrix(String name, double[][] values, int columns) {
        notNull(name, values);
        for (int i = 0; i < values.length; i++) {
            double[] row = values[i];
            if (row == null) {
                throw new IllegalArgumentException(name + " row " + i + " must not be null");
            }
            if (row.length != columns) {
                throw new IllegalArgumentException(
                        name + " rows must have length " + columns + ", got " + row.length + " in row " + i);
            }
            for (int j = 0; j < columns; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(name + " must contain only finite values, got " + row[j]
                            + " at index [" + i + "][" + j + "]");
                }
            }
        }
        return values;
    }

    /** A row range [from, to) of n rows: non-empty and inside; the message names the allowed bounds. */
    public static void rowRange(int from, int to, int n) {
        if (from < 0 || to > n || from >= to) {
            throw new IllegalArgumentException("row range [from, to) must satisfy 0 <= from < to <= " + n
                    + ", got [" + from + ", " + to + ")");
        }
    }
}
