package org.dl4jsnn.reproduce;

import java.util.Objects;

/**
 * Truth and prediction on a rectangular grid: {@code truth[i][j]} is the value at
 * {@code (xs[i], ys[j])}. Arrays are copied in and out, so an instance cannot change.
 */
public record GridPrediction(String xLabel, String yLabel, double[] xs, double[] ys,
                             double[][] truth, double[][] prediction) implements Artifacts {

    public GridPrediction {
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        xs = requireAxis(xs, "xs");
        ys = requireAxis(ys, "ys");
        truth = copyGrid(truth, "truth", xs.length, ys.length);
        prediction = copyGrid(prediction, "prediction", xs.length, ys.length);
    }

    @Override
    public double[] xs() {
        return xs.clone();
    }

    @Override
    public double[] ys() {
        return ys.clone();
    }

    @Override
    public double[][] truth() {
        return copyGrid(truth, "truth", xs.length, ys.length);
    }

    @Override
    public double[][] prediction() {
        return copyGrid(prediction, "prediction", xs.length, ys.length);
    }

    private static double[] requireAxis(double[] axis, String name) {
        Objects.requireNonNull(axis, name);
        if (axis.length < 2) {
            throw new IllegalArgumentException(name + " needs at least 2 points, got " + axis.length);
        }
        return axis.clone();
    }

    private static double[][] copyGrid(double[][] grid, String name, int nx, int ny) {
        Objects.requireNonNull(grid, name);
        if (grid.length != nx) {
            throw new IllegalArgumentException(name + " has " + grid.length + " rows, expected xs.length = " + nx);
        }
        double[][] copy = new double[nx][];
        for (int i = 0; i < nx; i++) {
            if (grid[i] == null || grid[i].length != ny) {
                throw new IllegalArgumentException(name + "[" + i + "] must have ys.length = " + ny + " values");
            }
            copy[i] = grid[i].clone();
        }
        return copy;
    }
}
