package org.dl4jsnn.surrogate;

/**
 * For a cut c, a uniform level p(c) such that every u <= p(c) has {@link Gaussians#quantile}(u) <= c, also
 * after {@link SteinDraws}' rounding.
 *
 * <p>The Stein estimator adds only the draws xi = quantile(u) that exceed the cut. A neuron far below
 * threshold has a large cut, so most of its draws are discarded; comparing u with p(c) discards them
 * before the (comparatively costly) quantile is evaluated, and leaves the estimate bit for bit as it
 * was: a draw skipped this way is one the estimator would have discarded.
 *
 * <p>Why it is safe: p(c) = Phi(x_k - DELTA) for a tabulated x_k <= c. For u <= p(c) the exact quantile
 * is <= x_k - DELTA; Acklam's approximation is within 1.2e-9 * |x| <= 1e-8 of it, Phi is accurate
 * to 1e-15 absolute, which moves x by at most 1e-15 / phi(5) < 1e-9 on the tabulated range |x| <= 5,
 * and {@link SteinDraws} rounds a draw by at most 2^-25 < 3e-8. DELTA = 1e-6 covers all three with an
 * order of magnitude to spare.
 */
final class QuantileFloor {

    private static final double LOW = -5.0;
    private static final double HIGH = 5.0;
    private static final int CELLS = 512;
    private static final double STEP = (HIGH - LOW) / CELLS;
    private static final double DELTA = 1e-6;
    private static final double CELLS_PER_UNIT = CELLS / (HIGH - LOW);

    /** LEVELS[k] = Phi(LOW + k * STEP - DELTA), k = 0..CELLS. Read-only after class initialisation. */
    private static final double[] LEVELS = levels();

    private QuantileFloor() {
    }

    private static double[] levels() {
        double[] p = new double[CELLS + 1];
        for (int k = 0; k <= CELLS; k++) {
            p[k] = Gaussians.cdf(LOW + k * STEP - DELTA);
        }
        return p;
    }

    /** A level p with quantile(u) <= cut for all u <= p; 0 when no such level is tabulated (cut < -5). */
    static double of(double cut) {
        if (!(cut >= LOW)) {
            return 0.0; // also NaN: skip nothing, so the estimator sees every draw
        }
        int k = cut >= HIGH ? CELLS : (int) ((cut - LOW) * CELLS_PER_UNIT);
        // rounding may land one cell high; step back if the grid point exceeds the cut (a cell low only
        // skips fewer draws)
        while (k > 0 && LOW + k * STEP > cut) {
            k--;
        }
        return LEVELS[k];
    }
}
