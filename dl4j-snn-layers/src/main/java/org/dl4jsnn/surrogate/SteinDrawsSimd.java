package org.dl4jsnn.surrogate;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SteinDraws#sum} in SIMD lanes over one neuron-step's draws: a lane hashes a pair of draws
 * (64-bit SplitMix, the same integers as the scalar hash), the quantile's central branch runs in lanes
 * operation for operation as {@link Gaussians#quantile} does (no FMA), and the kept draws are added
 * lanewise as integers in units of 2^-24. Each draw is such a multiple and the sum stays far below 2^29,
 * so every partial sum is exact and the lanes give the scalar draw-by-draw sum bit for bit. A first pass
 * only asks whether any draw's uniform clears the skip level ({@link QuantileFloor}); neuron-steps well
 * below threshold stop there. Draws in the quantile's tails (log, sqrt) are summed by the scalar code.
 * Selections are integer sign bits, not vector masks (Java 17's mask compares are not intrinsics).
 */
final class SteinDrawsSimd {

    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final double SCALE = 0x1.0p24;
    /** u = a 2^-24 (a = b | 1) is in the quantile's lower tail, u < P_LOW, exactly when a < TAIL_LOW ... */
    private static final long TAIL_LOW = (long) Math.ceil(Gaussians.P_LOW * SCALE);
    /** ... and in its upper tail, u > 1 - P_LOW, exactly when a > TAIL_HIGH. */
    private static final long TAIL_HIGH = (long) Math.floor((1 - Gaussians.P_LOW) * SCALE);
    /** Below this every draw (|xi| < 2^3) clears the cut; clamping there keeps the unit counts exact. */
    private static final double ALL = -0x1.0p40;

    private SteinDrawsSimd() {
    }

    static boolean fits() {
        return L.length() == D.length();
    }

    /**
     * {@link SteinDraws#sum}. The tests on uniforms and draws compare integers: u = a 2^-24 > level exactly
     * when a > floor(level 2^24), and a draw xi = k 2^-24 > cut exactly when k > floor(cut 2^24).
     */
    static double sum(long seed, long element, int samples, double level, double cut) {
        double[] sum = new double[1];
        sums(seed, new long[] {element}, samples, new double[] {level}, new double[] {cut}, sum, 1, new long[1]);
        return sum[0];
    }

    /**
     * sums[k] = {@link SteinDraws#sum}(seed, elements[k], samples, levels[k], cuts[k]) for k in [0, n). Each
     * phase runs over the whole block: a neuron-step's lanes form one long dependency chain (hash, quantile,
     * reduction), and only independent neuron-steps side by side keep the core busy.
     *
     * @param found scratch of at least n
     */
    static void sums(long seed, long[] elements, int samples, double[] levels, double[] cuts, double[] sums, int n,
                     long[] found) {
        int vectorPairs = (samples >>> 1) / L.length() * L.length();
        int vectorDraws = 2 * vectorPairs;
        long pairStride = SteinDraws.pairs(samples) * CounterNoise.GOLDEN_GAMMA;
        java.util.Arrays.fill(sums, 0, n, 0.0);
        if (vectorPairs > 0) {
            long[] hashes = new long[n * vectorPairs];
            findAll(seed, pairStride, elements, vectorPairs, levels, found, hashes, n);
            // one half of every pair per call: each loop body stays small enough for C2 to compile whole
            centralAll(vectorPairs, levels, cuts, found, hashes, sums, n, 40);
            centralAll(vectorPairs, levels, cuts, found, hashes, sums, n, 16);
        } else {
            java.util.Arrays.fill(found, 0, n, 0L);
        }
        for (int k = 0; k < n; k++) {
            sums[k] *= SteinDraws.UNIT;
            if ((found[k] >>> 1) != 0 || vectorDraws < samples) {
                sums[k] += rest(seed + elements[k] * pairStride, samples, found[k] >>> 1, vectorDraws, levels[k],
                        cuts[k]);
            }
        }
    }

    /**
     * The sum of the draws above the cut that the lanes leave out: those in the quantile's tails (log,
     * sqrt), looked at only in the pairs the mask marks, and those past the last whole vector. Exact, as
     * every term and partial sum is a multiple of 2^-24 below 2^29.
     */
    private static double rest(long base, int samples, long tailPairs, int vectorDraws, double level, double cut) {
        double sum = 0.0;
        for (long left = tailPairs; left != 0; left &= left - 1) {
            int pair = Long.numberOfTrailingZeros(left);
            for (int i = 2 * pair; i < Math.min(2 * pair + 2, vectorDraws); i++) {
                sum += tailDraw(base, i, level, cut);
            }
        }
        for (int i = vectorDraws; i < samples; i++) {
            double u = SteinDraws.uniform(CounterNoise.mix(base + (i >>> 1) * CounterNoise.GOLDEN_GAMMA), i & 1);
            if (u > level) {
                double xi = SteinDraws.round(Gaussians.quantile(u));
                if (xi > cut) {
                    sum += xi;
                }
            }
        }
        return sum;
    }

    /** Draw i if it clears the level, lies in a tail and exceeds the cut, else 0. */
    private static double tailDraw(long base, int i, double level, double cut) {
        double u = SteinDraws.uniform(CounterNoise.mix(base + (i >>> 1) * CounterNoise.GOLDEN_GAMMA), i & 1);
        if (u > level && (u < Gaussians.P_LOW || u > 1 - Gaussians.P_LOW)) {
            double xi = SteinDraws.round(Gaussians.quantile(u));
            return xi > cut ? xi : 0.0;
        }
        return 0.0;
    }

    /** Bit 0 of {@link #findAll}'s answer: some central uniform clears the level. */
    private static final long CLEARS = 1L;
    /** Powers of two 2^(lane + 1): a lane's bit in {@link #findAll}'s answer. */
    private static final long[] LANE_BITS = laneBits();

    /** l GOLDEN_GAMMA: the hash input of pair p + l is that of pair p plus this. */
    private static final long[] STEPS = steps();

    private static long[] steps() {
        long[] steps = new long[L.length()];
        for (int l = 0; l < steps.length; l++) {
            steps[l] = l * CounterNoise.GOLDEN_GAMMA;
        }
        return steps;
    }

    private static long[] laneBits() {
        long[] bits = new long[L.length()];
        for (int l = 0; l < bits.length; l++) {
            bits[l] = 2L << l;
        }
        return bits;
    }

    /**
     * found[k], for neuron-step k of the block: bit 0, whether any of its first {@code pairs} pairs'
     * uniforms clears its level and lies in the quantile's central branch; bit p + 1, whether a uniform of pair p that clears it lies in a tail of the
     * quantile (all of bits 1..63 when there are more than 62 pairs and any does); the pairs' hashes go to
     * hashes[k pairs + p]. The vector work of
     * {@link #sums} is split in such loops over the block, each compiled on its own: a method with more
     * vector operations outgrows C2's inlining budget and falls back to boxed vectors.
     */
    private static void findAll(long seed, long pairStride, long[] elements, int pairs, double[] levels, long[] found,
                                long[] hashes, int n) {
        LongVector steps = LongVector.fromArray(L, STEPS, 0);
        LongVector laneBits = LongVector.fromArray(L, LANE_BITS, 0);
        for (int k = 0; k < n; k++) {
            long base = seed + elements[k] * pairStride;
            long levelUnits = (long) Math.floor(levels[k] * SCALE);
            LongVector clears = LongVector.zero(L);
            LongVector tails = LongVector.zero(L);
            for (int p = 0; p < pairs; p += L.length()) {
                LongVector h = mix(steps.add(base + p * CounterNoise.GOLDEN_GAMMA));
                h.intoArray(hashes, k * pairs + p);
                LongVector a0 = h.lanewise(VectorOperators.LSHR, 40).or(1L);
                LongVector a1 = h.lanewise(VectorOperators.LSHR, 16).and(0xFFFFFFL).or(1L);
                LongVector clear0 = a0.neg().add(levelUnits);
                LongVector clear1 = a1.neg().add(levelUnits);
                LongVector tail0 = tail(a0);
                LongVector tail1 = tail(a1);
                // only central draws need the lanes' quantile: near the reset (cut ~ 2) most clear in a tail
                clears = clears.or(clear0.and(tail0.not())).or(clear1.and(tail1.not()));
                LongVector tail = clear0.and(tail0).or(clear1.and(tail1)).lanewise(VectorOperators.LSHR, 63);
                // pair p + l's bit, 2^(p + l + 1); past bit 63 the product wraps, so many pairs flag all of them
                tails = tails.or(pairs <= 62 ? tail.mul(laneBits).mul(1L << p) : tail.mul(-2L));
            }
            // one reduction: the clears' sign bits become bit 0
            found[k] = tails.or(clears.lanewise(VectorOperators.LSHR, 63)).reduceLanes(VectorOperators.OR);
        }
    }

    /** Sign bit set where a 2^-24 is in a tail of the quantile: u < P_LOW or u > 1 - P_LOW. */
    private static LongVector tail(LongVector a) {
        return a.sub(TAIL_LOW).or(a.neg().add(TAIL_HIGH));
    }

    /**
     * Adds to sums[k] (in units of 2^-24), for each neuron-step k whose found[k] says a central uniform
     * clears the level, its draws from one half of its first {@code pairs} pairs' hashes (bits 63..40 for shift 40, 39..16
     * for 16) that clear the level, are central and exceed the cut: the quantile's central branch operation
     * for operation as {@link Gaussians#quantile} (no FMA), rounded as {@link SteinDraws#round}. It is finite
     * in the tails too (den > 1e-4 for |q| <= 1/2), where the draw is masked out. The sums are exact:
     * integers far below 2^53.
     */
    private static void centralAll(int pairs, double[] levels, double[] cuts, long[] found, long[] hashes,
                                   double[] sums, int n, int shift) {
        double[] ca = Gaussians.A;
        double[] cb = Gaussians.B;
        for (int k = 0; k < n; k++) {
            if ((found[k] & CLEARS) == 0) {
                continue;
            }
            long levelUnits = (long) Math.floor(levels[k] * SCALE);
            double cutUnits = Math.max(ALL, Math.floor(cuts[k] * SCALE));
            DoubleVector acc = DoubleVector.zero(D);
            for (int p = 0; p < pairs; p += L.length()) {
                LongVector h = LongVector.fromArray(L, hashes, k * pairs + p);
                LongVector a = h.lanewise(VectorOperators.LSHR, shift).and(0xFFFFFFL).or(1L);
                // 1 where the uniform clears the level and is not in a tail, else 0
                LongVector keep = a.neg().add(levelUnits).and(tail(a).not()).lanewise(VectorOperators.LSHR, 63);
                DoubleVector u = ((DoubleVector) a.convertShape(VectorOperators.L2D, D, 0)).mul(SteinDraws.UNIT);
                DoubleVector q = u.sub(0.5);
                DoubleVector r = q.mul(q);
                DoubleVector num = r.mul(ca[0]).add(ca[1]).mul(r).add(ca[2]).mul(r).add(ca[3]).mul(r).add(ca[4])
                        .mul(r).add(ca[5]).mul(q);
                DoubleVector den = r.mul(cb[0]).add(cb[1]).mul(r).add(cb[2]).mul(r).add(cb[3]).mul(r).add(cb[4])
                        .mul(r).add(1.0);
                DoubleVector units = num.div(den).add(SteinDraws.ROUNDER).sub(SteinDraws.ROUNDER).mul(SCALE);
                // units > cutUnits, both integers: their difference clamped to [0, 1] is the indicator
                // (vector D2L and mask compares are not intrinsics on Java 17)
                DoubleVector above = units.sub(cutUnits).max(0.0).min(1.0);
                acc = acc.add(units.mul(above).mul((DoubleVector) keep.convertShape(VectorOperators.L2D, D, 0)));
            }
            sums[k] += acc.reduceLanes(VectorOperators.ADD);
        }
    }

    /** CounterNoise.mix in lanes. */
    private static LongVector mix(LongVector z) {
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
        return z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
    }
}
