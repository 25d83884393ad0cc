package org.dl4jsnn.surrogate;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SteinDraws#sum} for a block of neuron-steps, with the work per draw that the estimate needs and no
 * more (docs/design.md section 2):
 * <ol>
 *   <li>lanes hash a neuron-step's pairs of draws (64-bit SplitMix, the same integers as the scalar hash) and
 *   decide, draw by draw, on the 24-bit integers alone, whether the draw's uniform clears the neuron-step's
 *   level ({@link QuantileFloor}: draws at or below it fall below the cut) and whether it lies in a tail of
 *   the quantile; the answer is one word of bits per vector of pairs, computed for the whole block before
 *   any is looked at, so a neuron-step none of whose draws clears costs only the hash;</li>
 *   <li>a draw that clears in a tail (log, square root) is evaluated by the scalar quantile and added if
 *   above the cut;</li>
 *   <li>a draw that clears in the centre joins a list, and the quantile's central branch runs in lanes over
 *   that list (operation for operation as {@link Gaussians#quantile}, no FMA), so every lane computes a
 *   draw that is needed; each is then added to its neuron-step if above the cut.</li>
 * </ol>
 * Kept draws are added as integers in units of 2^-24 (each draw is such a multiple, the sums stay far below
 * 2^53), so every partial sum is exact and the result equals the scalar draw-by-draw sum bit for bit
 * whatever the order. Selections are integer sign bits, not vector masks (Java 17's mask compares are not
 * intrinsics).
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

    /** l GOLDEN_GAMMA: the hash input of pair p + l is that of pair p plus this. */
    private static final long[] STEPS = lanePowers(-1);
    /** A draw's bit in {@link #find}'s word: central half 0, central half 1, tail half 0, tail half 1. */
    private static final long[] CENTRAL0 = lanePowers(0);
    private static final long[] CENTRAL1 = lanePowers(1);
    private static final long[] TAIL0 = lanePowers(2);
    private static final long[] TAIL1 = lanePowers(3);

    private SteinDrawsSimd() {
    }

    /** The lanes fit: as many doubles as longs, and at most 8 (a word's 4 bits per lane, the scratch's sizes). */
    static boolean fits() {
        return L.length() == D.length() && 2 * L.length() <= 16;
    }

    /** Per lane l: l GOLDEN_GAMMA for group -1, else 2^(l + group L). */
    private static long[] lanePowers(int group) {
        long[] values = new long[L.length()];
        for (int l = 0; l < values.length; l++) {
            values[l] = group < 0 ? l * CounterNoise.GOLDEN_GAMMA : 1L << (l + group * L.length());
        }
        return values;
    }

    /** {@link SteinDraws#sum}. */
    static double sum(long seed, long element, int samples, double level, double cut) {
        SteinScratch scratch = new SteinScratch(1);
        scratch.active[0] = element;
        scratch.levels[0] = level;
        scratch.cuts[0] = cut;
        sums(seed, samples, 1, scratch);
        return scratch.sums[0];
    }

    /**
     * s.sums[k] = {@link SteinDraws#sum}(seed, s.active[k], samples, s.levels[k], s.cuts[k]) for k in [0, n).
     * The tests on uniforms and draws compare integers: u = a 2^-24 > level exactly when a > floor(level 2^24),
     * and a draw xi = k 2^-24 > cut exactly when k > floor(cut 2^24).
     */
    static void sums(long seed, int samples, int n, SteinScratch s) {
        int lanes = L.length();
        int vectorPairs = (samples >>> 1) / lanes * lanes;
        int vectorDraws = 2 * vectorPairs;
        long pairStride = SteinDraws.pairs(samples) * CounterNoise.GOLDEN_GAMMA;
        for (int k = 0; k < n; k++) {
            s.cutUnits[k] = Math.max(ALL, Math.floor(s.cuts[k] * SCALE));
            s.levelUnits[k] = (long) Math.floor(s.levels[k] * SCALE);
            s.sums[k] = 0.0;
        }
        int m = 0;
        for (int p = 0; p < vectorPairs; p += lanes) {
            // two passes: the lanes' words for the whole block first, with no branch on them, so the
            // independent hashes overlap; a branch on a word right after its hash (taken half the time)
            // made every misprediction wait for the whole hash chain
            int marked = 0;
            for (int k = 0; k < n; k++) {
                long found = find(seed + s.active[k] * pairStride + p * CounterNoise.GOLDEN_GAMMA, s.levelUnits[k],
                        s.drawLevels, 16 * k);
                s.found[k] = found;
                s.marked[marked] = k; // the neuron-steps with a marked draw, listed without a branch
                marked += found != 0 ? 1 : 0;
            }
            for (int i = 0; i < marked; i++) {
                if (m > s.centralU.length - 2 * lanes) {
                    central(s, m);
                    m = 0;
                }
                m = gather(s.marked[i], s, m);
            }
        }
        central(s, m);
        for (int k = 0; k < n; k++) {
            s.sums[k] *= SteinDraws.UNIT;
            if (vectorDraws < samples) {
                s.sums[k] += rest(seed + s.active[k] * pairStride, samples, vectorDraws, s.levels[k], s.cuts[k]);
            }
        }
    }

    /**
     * For the L pairs from hash input {@code start}: their levels a into lanes (half 0 at [at, at + L), half 1
     * at [at + L, at + 2L)), and a word whose bit j (j < 2L) says draw lanes[at + j] clears the level in the
     * quantile's centre, bit 2L + j that it clears in a tail. One small method: more vector operations in one
     * would outgrow C2's inlining budget and fall back to boxed vectors.
     */
    private static long find(long start, long levelUnits, long[] lanes, int at) {
        LongVector h = mix(LongVector.fromArray(L, STEPS, 0).add(start));
        LongVector a0 = h.lanewise(VectorOperators.LSHR, 40).or(1L);
        LongVector a1 = h.lanewise(VectorOperators.LSHR, 16).and(0xFFFFFFL).or(1L);
        a0.intoArray(lanes, at);
        a1.intoArray(lanes, at + L.length());
        // 1 where a > levelUnits, i.e. the uniform clears the level; 1 where a lies in a tail
        LongVector clear0 = a0.neg().add(levelUnits).lanewise(VectorOperators.LSHR, 63);
        LongVector clear1 = a1.neg().add(levelUnits).lanewise(VectorOperators.LSHR, 63);
        LongVector tail0 = tail(a0);
        LongVector tail1 = tail(a1);
        return clear0.and(tail0.not()).mul(LongVector.fromArray(L, CENTRAL0, 0))
                .or(clear1.and(tail1.not()).mul(LongVector.fromArray(L, CENTRAL1, 0)))
                .or(clear0.and(tail0).mul(LongVector.fromArray(L, TAIL0, 0)))
                .or(clear1.and(tail1).mul(LongVector.fromArray(L, TAIL1, 0)))
                .reduceLanes(VectorOperators.OR);
    }

    /** 1 where a 2^-24 is in a tail of the quantile (u < P_LOW or u > 1 - P_LOW), else 0. */
    private static LongVector tail(LongVector a) {
        return a.sub(TAIL_LOW).or(a.neg().add(TAIL_HIGH)).lanewise(VectorOperators.LSHR, 63);
    }

    /**
     * The draws {@link #find}'s word marks for neuron-step k: tail draws added to its sum when above its cut,
     * central ones appended at m to the list for {@link #central}; returns the list's new length.
     */
    private static int gather(int k, SteinScratch s, int m) {
        int lanes = L.length();
        long found = s.found[k];
        int at = 16 * k;
        for (long central = found & ((1L << 2 * lanes) - 1); central != 0; central &= central - 1) {
            s.centralU[m] = s.drawLevels[at + Long.numberOfTrailingZeros(central)] * SteinDraws.UNIT;
            s.centralOwner[m] = k;
            m++;
        }
        for (long tails = found >>> 2 * lanes; tails != 0; tails &= tails - 1) {
            // log and square root: scalar, as Math.log is the definition's (a table of the tails, 2 x 800 KB,
            // measured slower: its loads miss the cache)
            double units = SteinDraws.round(Gaussians.quantile(s.drawLevels[at + Long.numberOfTrailingZeros(tails)]
                    * SteinDraws.UNIT)) * SCALE;
            if (units > s.cutUnits[k]) {
                s.sums[k] += units;
            }
        }
        return m;
    }

    /**
     * The listed central draws: the quantile's central branch in lanes, operation for operation as
     * {@link Gaussians#quantile} (no FMA), rounded as {@link SteinDraws#round}, in units of 2^-24; each added
     * to its neuron-step's sum when above its cut. The list is padded to whole vectors with u = 1/2.
     */
    private static void central(SteinScratch s, int m) {
        int padded = (m + D.length() - 1) / D.length() * D.length();
        Arrays.fill(s.centralU, m, padded, 0.5);
        double[] ca = Gaussians.A;
        double[] cb = Gaussians.B;
        for (int i = 0; i < padded; i += D.length()) {
            DoubleVector u = DoubleVector.fromArray(D, s.centralU, i);
            DoubleVector q = u.sub(0.5);
            DoubleVector r = q.mul(q);
            DoubleVector num = r.mul(ca[0]).add(ca[1]).mul(r).add(ca[2]).mul(r).add(ca[3]).mul(r).add(ca[4])
                    .mul(r).add(ca[5]).mul(q);
            DoubleVector den = r.mul(cb[0]).add(cb[1]).mul(r).add(cb[2]).mul(r).add(cb[3]).mul(r).add(cb[4])
                    .mul(r).add(1.0);
            num.div(den).add(SteinDraws.ROUNDER).sub(SteinDraws.ROUNDER).mul(SCALE).intoArray(s.centralUnits, i);
        }
        for (int i = 0; i < m; i++) {
            int k = s.centralOwner[i];
            double units = s.centralUnits[i];
            s.sums[k] += units > s.cutUnits[k] ? units : 0.0;
        }
    }

    /** The sum of the draws above the cut past the last whole vector of pairs, draw by draw. Exact. */
    private static double rest(long base, int samples, int vectorDraws, double level, double cut) {
        double sum = 0.0;
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

    /** CounterNoise.mix in lanes. */
    private static LongVector mix(LongVector z) {
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
        return z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
    }
}
