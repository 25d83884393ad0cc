package org.dl4jsnn.surrogate;

/**
 * Which draws of many neuron-steps can clear their cut, as one bit mask per neuron-step: bit i of
 * {@code masks[k]} is set exactly when draw i of neuron-step k has a uniform above the skip level
 * {@link QuantileFloor#of}(cut), i.e. its {@link CounterNoise#mantissa} is at least {@code acceptFrom[k]}.
 * Only those draws need their quantile; the rest are ones the Stein estimator discards. Near threshold's
 * usual cut of about 2 that is ~2% of the draws, so the hash of every draw is the cost, and it runs in
 * SIMD lanes over neuron-steps ({@link SteinDrawMasksSimd}) when the Vector API is present.
 */
final class SteinDrawMasks {

    /** The masks are longs: a neuron-step with more draws takes the one-at-a-time estimator. */
    static final int MAX_SAMPLES = Long.SIZE;

    private static final boolean SIMD = org.dl4jsnn.kernel.VectorApi.available();

    private SteinDrawMasks() {
    }

    /**
     * Fills masks[0, n): draw i of neuron-step k is counter firsts[k] + i of stream {@code seed}.
     *
     * @param samples draws per neuron-step, 1..64
     */
    static void fill(long seed, long[] firsts, long[] acceptFrom, int samples, long[] masks, int n) {
        int k = SIMD ? SteinDrawMasksSimd.fill(seed, firsts, acceptFrom, samples, masks, n) : 0;
        for (; k < n; k++) {
            masks[k] = mask(seed, firsts[k], acceptFrom[k], samples);
        }
    }

    /** One neuron-step's mask, draw by draw: the reference the lanes reproduce bit for bit. */
    static long mask(long seed, long first, long acceptFrom, int samples) {
        long mask = 0;
        for (int i = 0; i < samples; i++) {
            if (CounterNoise.mantissa(seed, first + i) >= acceptFrom) {
                mask |= 1L << i;
            }
        }
        return mask;
    }
}
