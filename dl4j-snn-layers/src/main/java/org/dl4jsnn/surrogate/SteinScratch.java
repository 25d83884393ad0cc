package org.dl4jsnn.surrogate;

/**
 * The working arrays of {@link SteinSurrogate#derivatives} for blocks of up to {@link #block()} neuron-steps,
 * allocated once by whoever owns a loop over blocks (one per thread: it is mutable) instead of once per block.
 */
public final class SteinScratch {

    /** The most neuron-steps per block: a few KB of scratch, enough neuron-steps to fill the hash's lanes. */
    public static final int BLOCK = 256;
    /** The most central draws gathered before their quantiles are taken in lanes. */
    private static final int CENTRAL = 1024;

    final int[] index;
    final long[] active;
    final double[] levels;
    final double[] cuts;
    final double[] sums;
    /** Per active neuron-step: its cut in units of 2^-24, floored (a draw k 2^-24 exceeds it iff k exceeds this). */
    final double[] cutUnits;
    /** Per active neuron-step: its level in units of 2^-24, floored (u = a 2^-24 clears it iff a exceeds this). */
    final long[] levelUnits;
    /**
     * Per active neuron-step k, for the vector of pairs in hand: the 24-bit levels a of its draws, half 0 at
     * [16 k, 16 k + L), half 1 at [16 k + L, 16 k + 2L), and the word marking those that clear (see
     * SteinDrawsSimd).
     */
    final long[] drawLevels;
    final long[] found;
    /** The neuron-steps whose word marks a draw. */
    final int[] marked;
    /**
     * Central draws that clear their level: their uniforms, their neuron-step, then their draws in units. The
     * length is a multiple of 32, so of every lane count, and at least two vectors' worth of draws.
     */
    final double[] centralU;
    final int[] centralOwner;
    final double[] centralUnits;

    /** @param block neuron-steps per block, in [1, {@link #BLOCK}] */
    public SteinScratch(int block) {
        if (block < 1 || block > BLOCK) {
            throw new IllegalArgumentException("block must be in [1, " + BLOCK + "], got " + block);
        }
        index = new int[block];
        active = new long[block];
        levels = new double[block];
        cuts = new double[block];
        sums = new double[block];
        cutUnits = new double[block];
        levelUnits = new long[block];
        drawLevels = new long[16 * block];
        found = new long[block];
        marked = new int[block];
        int central = Math.min(CENTRAL, 32 * block);
        centralU = new double[central];
        centralOwner = new int[central];
        centralUnits = new double[central];
    }

    /** Neuron-steps per block. */
    public int block() {
        return index.length;
    }
}
