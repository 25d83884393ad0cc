package org.dl4jsnn.surrogate;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SteinDrawMasks} in SIMD lanes, one lane per neuron-step, each lane hashing its own draws in
 * draw order with {@link CounterNoise}'s 64-bit SplitMix arithmetic (the same integers as the scalar
 * hash: wrap-around adds and multiplies, logical shifts). The acceptance test is integer arithmetic too,
 * (acceptFrom - 1 - m) >>> 63, because Java 17's vector compares and masks are not intrinsics.
 */
final class SteinDrawMasksSimd {

    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;

    private SteinDrawMasksSimd() {
    }

    /** Fills the masks of the whole vectors in [0, n); returns how many it filled. */
    static int fill(long seed, long[] firsts, long[] acceptFrom, int samples, long[] masks, int n) {
        int lanes = L.length();
        int k = 0;
        for (; k + lanes <= n; k += lanes) {
            // counter (first + i) hashed from seed + counter * GAMMA: step the product by GAMMA per draw
            LongVector h = LongVector.fromArray(L, firsts, k).mul(CounterNoise.GOLDEN_GAMMA).add(seed);
            LongVector below = LongVector.fromArray(L, acceptFrom, k).sub(1L);
            LongVector mask = LongVector.zero(L);
            for (int i = 0; i < samples; i++) {
                LongVector z = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 30))
                        .mul(0xBF58476D1CE4E5B9L);
                z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
                z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
                LongVector m = z.lanewise(VectorOperators.LSHR, 11);
                // m in [0, 2^53) and below in [-1, 2^53): the difference is negative exactly when m >= acceptFrom
                LongVector accepted = below.sub(m).lanewise(VectorOperators.LSHR, 63);
                mask = mask.or(accepted.lanewise(VectorOperators.LSHL, i));
                h = h.add(CounterNoise.GOLDEN_GAMMA);
            }
            mask.intoArray(masks, k);
        }
        return k;
    }
}
