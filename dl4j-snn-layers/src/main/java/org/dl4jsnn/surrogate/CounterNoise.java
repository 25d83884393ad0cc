package org.dl4jsnn.surrogate;

/**
 * Gaussian noise addressed by a counter instead of drawn from a stream.
 *
 * <p>Sample {@code k} of stream {@code seed} is a pure function of {@code (seed, k)}. Back-propagation
 * visits neuron-steps layer by layer, the forward-mode engine visits them step by step; with counter
 * addressing both see the same draws for the same neuron-step, which the identity Ldot = grad(L).v
 * needs when the Stein surrogate is random.
 */
public final class CounterNoise {

    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    static final double TWO_POW_MINUS_53 = 0x1.0p-53;
    private static final double LARGEST_BELOW_ONE = Math.nextDown(1.0);

    private CounterNoise() {
    }

    /** SplitMix64's output function: a bijective avalanche mix of 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A seed for a sub-stream (a layer, a direction) derived from a parent seed. */
    public static long derive(long seed, long salt) {
        return mix(seed ^ mix(salt * GOLDEN_GAMMA + 0x632BE59BD9B4E019L));
    }

    /** Uniform on the open interval (0, 1). */
    public static double uniform(long seed, long counter) {
        return unitOpen(mix(seed + counter * GOLDEN_GAMMA));
    }

    /**
     * The top 53 bits as the midpoint of their cell, ((bits >>> 11) + 1/2) 2^-53. The last cell's midpoint,
     * 1 - 2^-54, is not a double and rounds to 1, where the normal quantile is infinite; it is held at the
     * largest double below 1 instead, so every other value stays what it was.
     */
    static double unitOpen(long bits) {
        return Math.min(((bits >>> 11) + 0.5) * TWO_POW_MINUS_53, LARGEST_BELOW_ONE);
    }

    /** Standard normal. */
    public static double normal(long seed, long counter) {
        return Gaussians.quantile(uniform(seed, counter));
    }
}
