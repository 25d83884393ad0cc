package org.dl4jsnn.solver;

/** Solves tridiagonal linear systems by the Thomas algorithm (Gaussian elimination without pivoting). */
public final class Tridiagonal {

    private Tridiagonal() {
    }

    /**
     * Solves {@code lower[i] x[i-1] + diag[i] x[i] + upper[i] x[i+1] = rhs[i]}.
     *
     * <p>{@code lower[0]} and {@code upper[n-1]} are ignored. No pivoting: stable for the diagonally
     * dominant systems the solvers here produce (the Poisson matrix, the Crank-Nicolson Jacobian with
     * 1/dt dominating the reaction term); a vanishing pivot is reported rather than divided by.
     */
    public static double[] solve(double[] lower, double[] diag, double[] upper, double[] rhs) {
        int n = diag.length;
        if (lower.length != n || upper.length != n || rhs.length != n) {
            throw new IllegalArgumentException("lower, diag, upper and rhs must have the same length, got "
                    + lower.length + ", " + n + ", " + upper.length + ", " + rhs.length);
        }
        double[] c = new double[n];
        double[] x = new double[n];
        double pivot = diag[0];
        checkPivot(pivot, 0);
        c[0] = upper[0] / pivot;
        x[0] = rhs[0] / pivot;
        for (int i = 1; i < n; i++) {
            pivot = diag[i] - lower[i] * c[i - 1];
            checkPivot(pivot, i);
            c[i] = upper[i] / pivot;
            x[i] = (rhs[i] - lower[i] * x[i - 1]) / pivot;
        }
        for (int i = n - 2; i >= 0; i--) {
            x[i] -= c[i] * x[i + 1];
        }
        return x;
    }

    private static void checkPivot(double pivot, int row) {
        if (pivot == 0 || !Double.isFinite(pivot)) {
            throw new ArithmeticException("tridiagonal system is singular or not diagonally dominant: pivot "
                    + pivot + " in row " + row);
        }
    }
}
