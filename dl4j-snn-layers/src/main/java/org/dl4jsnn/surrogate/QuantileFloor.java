package org.dl4jsnn.surrogate;

/**
 * For a cut c, a uniform level p(c) such that every u <= p(c) has {@link Gaussians#quantile}(u) <= c.
 *
 * <p>The Stein estimator adds only the draws xi = quantile(u) that exceed the cut. A neuron far below
 * threshold has a large cut, so most of its draws are discarded; comparing u with p(c) discards them
 * before the (comparatively costly) quantile is evaluated, and leaves the estimate bit for bit as it
 * was: a draw skipped this way is one the estimator would have discarded.
 *
 * <p>Why it is safe: p(c) = Phi(x_k - DELTA) for a tabulated x_k <= c. For u <= p(c) the exact quantile
 * is <= x_k - DELTA; Acklam's approximation is within 1.2e-9 * |x| <= 1e-8 of it, and Phi is accurate
 * to 1e-15 absolute, which moves x by at most 1e-15 / phi(5) < 1e-9 on the tabulated range |x| <= 5.
 * DELTA = 1e-6 covers both with two orders of magnitude to spare.
 */
final class QuantileFloor {

    private static final double LOW = -5.0;
    private static final double HIGH = 5.0;
    private static final int CELLS = 512;
    private static final double STEP = (HIGH - LOW) / CELLS;
    private static final double DELTA = 1e-6;

    /** LEVELS[k] = Phi(LOW + k * STEP - DELTA), k = 0..CELLS. Read-only after class initialisation. */
    private static final double[] LEVELS = levels();
    /** ACCEPT_FROM[k]: the least mantissa whose uniform exceeds LEVELS[k]. Read-only after initialisation. */
    private static final long[] ACCEPT_FROM = acceptFrom(LEVELS);

    private QuantileFloor() {
    }

    private static double[] levels() {
        double[] p = new double[CELLS + 1];
        for (int k = 0; k <= CELLS; k++) {
            p[k] = Gaussians.cdf(LOW + k * STEP - DELTA);
        }
        return p;
    }

    /**
     * The least m with {@link CounterNoise#uniformOf}(m) > level. The uniform is non-decreasing in m, so a
     * binary search finds the boundary; m = 2^53 would mean no mantissa clears the level.
     */
    static long leastMantissaAbove(double level) {
        long lo = 0;
        long hi = 1L << 53;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (CounterNoise.uniformOf(mid) > level) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static long[] acceptFrom(double[] levels) {
        long[] m = new long[levels.length];
        for (int k = 0; k < levels.length; k++) {
            m[k] = leastMantissaAbove(levels[k]);
        }
        return m;
    }

    /** A level p with quantile(u) <= cut for all u <= p; 0 when no such level is tabulated (cut < -5). */
    static double of(double cut) {
        int k = cell(cut);
        return k < 0 ? 0.0 : LEVELS[k];
    }

    /**
     * The same skip on the draws' 53 random bits: a draw's uniform exceeds {@link #of}(cut) exactly when
     * its {@link CounterNoise#mantissa} is at least this (0 when nothing is skipped), so the test costs no
     * int-to-double conversion.
     */
    static long acceptFrom(double cut) {
        int k = cell(cut);
        return k < 0 ? 0L : ACCEPT_FROM[k];
    }

    /** The tabulated cell of a cut, -1 below the table (and for NaN: skip nothing, keep every draw). */
    private static int cell(double cut) {
        if (!(cut >= LOW)) {
            return -1;
        }
        int k = cut >= HIGH ? CELLS : (int) ((cut - LOW) / STEP);
        // rounding in the division may land one cell high; step back if the grid point exceeds the cut
        while (k > 0 && LOW + k * STEP > cut) {
            k--;
        }
        return k;
    }
}
