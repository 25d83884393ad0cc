package org.dl4jsnn.surrogate;

/** The Stein estimator written literally, the reference the fast paths must match bit for bit. */
final class LiteralStein {

    private LiteralStein() {
    }

    /** (1/(N s)) sum_i [xi_i > -z/s] xi_i over the definition's draws of {@code element}. */
    static double estimate(double z, double s, int n, long seed, long element) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double xi = SteinDraws.normal(seed, element, n, i);
            if (xi > -z / s) {
                sum += xi;
            }
        }
        return sum / (n * s);
    }
}
