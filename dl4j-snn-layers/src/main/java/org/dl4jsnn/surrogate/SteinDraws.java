package org.dl4jsnn.surrogate;

/**
 * The WSG noise (docs/design.md section 2): N standard-normal draws per neuron-step, counter-addressed, so
 * every path (the layer kernels, the forward sweep, the SameDiff graph, any thread split) sees the same
 * ones. Made cheap to hash and to sum in SIMD lanes:
 * <ul>
 *   <li>one SplitMix hash ({@link CounterNoise#mix}) gives two draws: draws 2p and 2p + 1 of neuron-step
 *   e take bits 63..40 and 39..16 of the hash of counter e ceil(N/2) + p;</li>
 *   <li>a draw's 24 bits b become the uniform u = (b | 1) 2^-24: the odd multiples of 2^-24, equally
 *   likely, symmetric about 1/2 and exact in double;</li>
 *   <li>the draw is the normal quantile {@link Gaussians#quantile}(u) rounded to the nearest multiple of
 *   2^-24. Sums of such values are exact in double (|xi| <= 5.3 < 2^3), so the Stein sum is the same
 *   whatever order lanes or loops add its terms in.</li>
 * </ul>
 * The draws differ from N(0, 1) only by this rounding (|error| <= 2^-25) and the quantile's 1e-9, and
 * their 2^23 levels truncate the tails at 5.3 (probability 2^-24 each side).
 */
public final class SteinDraws {

    /** The draws are multiples of this. */
    static final double UNIT = 0x1.0p-24;
    /** (x + ROUNDER) - ROUNDER rounds |x| < 2^27 to a multiple of 2^-24: ROUNDER's ulp is 2^-24. */
    static final double ROUNDER = 0x1.8p28;
    /** The largest draw: the quantile of the largest uniform, 1 - 2^-24, rounded. */
    static final double MAX = round(Gaussians.quantile(1 - UNIT));

    private SteinDraws() {
    }

    /** Hashes (pairs of draws) per neuron-step. */
    static int pairs(int samples) {
        return (samples + 1) >>> 1;
    }

    /** The hash input of pair 0 of a neuron-step; pair p adds p * GOLDEN_GAMMA. */
    static long base(long seed, long element, int samples) {
        return seed + element * pairs(samples) * CounterNoise.GOLDEN_GAMMA;
    }

    /** The uniform of half h (0 or 1) of a pair's hash. */
    static double uniform(long hash, int half) {
        long bits = half == 0 ? hash >>> 40 : (hash >>> 16) & 0xFFFFFF;
        return (bits | 1) * UNIT;
    }

    /** x rounded to the nearest multiple of 2^-24 (ties to even), for |x| < 2^27. */
    static double round(double x) {
        return (x + ROUNDER) - ROUNDER;
    }

    /** Draw i of neuron-step {@code element} of stream {@code seed}, with {@code samples} draws per neuron-step. */
    public static double normal(long seed, long element, int samples, int i) {
        if (i < 0 || i >= samples) {
            throw new IllegalArgumentException("draw i must be in [0, " + samples + "), got " + i);
        }
        long hash = CounterNoise.mix(base(seed, element, samples) + (i >>> 1) * CounterNoise.GOLDEN_GAMMA);
        return round(Gaussians.quantile(uniform(hash, i & 1)));
    }

    /**
     * sum of the neuron-step's draws xi > cut, draw by draw; draws whose uniform is at or below
     * {@code level} are known to fall below the cut (see {@link QuantileFloor}) and skip their quantile.
     */
    static double sum(long seed, long element, int samples, double level, double cut) {
        long base = base(seed, element, samples);
        double sum = 0.0;
        for (int i = 0; i < samples; i++) {
            double u = uniform(CounterNoise.mix(base + (i >>> 1) * CounterNoise.GOLDEN_GAMMA), i & 1);
            if (u > level) {
                double xi = round(Gaussians.quantile(u));
                if (xi > cut) {
                    sum += xi;
                }
            }
        }
        return sum;
    }
}
