package org.dl4jsnn.solver;

/** Uniform grids and linear interpolation on them. */
public final class Grids {

    private Grids() {
    }

    /**
     * {@code n} equispaced points from {@code a} to {@code b}, both included.
     *
     * <p>Computed as {@code a + (b - a) * i / (n - 1)} rather than by accumulating a step, so on
     * [0, 1] with n = 101 the points are exactly {@code i / 100.0} and the last point is exactly b.
     */
    public static double[] linspace(double a, double b, int n) {
        Checks.finite("a", a);
        Checks.finite("b", b);
        Checks.atLeast("n", n, 2);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a + (b - a) * i / (n - 1);
        }
        x[n - 1] = b;
        return x;
    }

    /**
     * Piecewise-linear interpolant at {@code x} of {@code values} given at equispaced points of
     * [0, 1] (endpoints included); {@code x} outside [0, 1] is clamped to the nearest endpoint.
     */
    public static double interpolateUnit(double[] values, double x) {
        int n = values.length;
        double s = Math.min(Math.max(x, 0.0), 1.0) * (n - 1);
        int i0 = Math.min((int) Math.floor(s), n - 2);
        double w = s - i0;
        return (1 - w) * values[i0] + w * values[i0 + 1];
    }
}
