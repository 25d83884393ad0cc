package org.dl4jsnn.solver;

/**
 * Solves {@code -u'' = f} on [0, 1] with {@code u(0) = u(1) = 0} by second-order central finite
 * differences on the uniform grid of {@code f.length} points (endpoints included).
 */
public final class PoissonSolver1D {

    private PoissonSolver1D() {
    }

    /**
     * @param f the source at {@code x_i = i / (n - 1)}, {@code n >= 3}; its endpoint values are not
     *          used since u is prescribed there
     * @return u at the same points, with {@code u[0] = u[n-1] = 0}
     */
    public static double[] solve(double[] f) {
        Checks.notNull("f", f);
        Checks.atLeast("f.length (grid size)", f.length, 3);
        Checks.finite("f", f);
        int n = f.length;
        int interior = n - 2;
        double h = 1.0 / (n - 1);
        // Scaling the system by h^2 keeps the matrix entries O(1) (-1, 2, -1) independent of n.
        double[] lower = new double[interior];
        double[] diag = new double[interior];
        double[] upper = new double[interior];
        double[] rhs = new double[interior];
        for (int i = 0; i < interior; i++) {
            lower[i] = -1;
            diag[i] = 2;
            upper[i] = -1;
            rhs[i] = h * h * f[i + 1];
        }
        double[] inner = Tridiagonal.solve(lower, diag, upper, rhs);
        double[] u = new double[n];
        System.arraycopy(inner, 0, u, 1, interior);
        return u;
    }
}
