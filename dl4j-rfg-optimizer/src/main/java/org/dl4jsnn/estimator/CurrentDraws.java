package org.dl4jsnn.estimator;

import org.dl4jsnn.surrogate.CounterNoise;

/**
 * The entries of an activity-perturbation current u_t (docs/design.md section 3), written [j][b] for
 * examples {@code first .. first + batch - 1}: each a pure function of (stream, neuron j, example index in
 * the whole minibatch), so any chunking of the batch sees the same values.
 *
 * <p>Rademacher: one 64-bit counter hash gives the signs of 64 consecutive examples of one neuron (bit
 * {@code example mod 64} of hash (j, example / 64)), so a sweep hashes once per 64 entries instead of once
 * per entry (drawing u was 23% of an RFG-A iteration, JFR). Gaussian: one hash per entry, through the
 * normal quantile, as before.
 */
final class CurrentDraws {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final long ONE = Double.doubleToRawLongBits(1.0);
    private static final int ONE_FLOAT = Float.floatToRawIntBits(1f);

    private CurrentDraws() {
    }

    /** The 64 sign bits of neuron j's examples 64 w .. 64 w + 63 (bit set: -1). */
    static long signWord(long stream, int j, long w) {
        return CounterNoise.mix(stream + ((long) j << 32 | w) * GOLDEN_GAMMA);
    }

    static void signs(long stream, int first, int batch, int nOut, double[] into) {
        check(first, batch, nOut, into.length);
        for (int j = 0; j < nOut; j++) {
            int row = j * batch;
            int b = 0;
            while (b < batch) {
                long example = (long) first + b;
                long word = signWord(stream, j, example >>> 6);
                int bit = (int) (example & 63);
                int end = Math.min(batch, b + 64 - bit);
                for (; b < end; b++, bit++) {
                    // the sign bit of +-1.0, without a branch
                    into[row + b] = Double.longBitsToDouble(ONE | (word >>> bit) << 63);
                }
            }
        }
    }

    static void signs(long stream, int first, int batch, int nOut, float[] into) {
        check(first, batch, nOut, into.length);
        for (int j = 0; j < nOut; j++) {
            int row = j * batch;
            int b = 0;
            while (b < batch) {
                long example = (long) first + b;
                long word = signWord(stream, j, example >>> 6);
                int bit = (int) (example & 63);
                int end = Math.min(batch, b + 64 - bit);
                for (; b < end; b++, bit++) {
                    into[row + b] = Float.intBitsToFloat(ONE_FLOAT | (int) (word >>> bit) << 31);
                }
            }
        }
    }

    static void gaussians(long stream, int first, int batch, int nOut, double[] into) {
        check(first, batch, nOut, into.length);
        for (int j = 0; j < nOut; j++) {
            for (int b = 0; b < batch; b++) {
                into[j * batch + b] = CounterNoise.normal(stream, ((long) first + b) * nOut + j);
            }
        }
    }

    static void gaussians(long stream, int first, int batch, int nOut, float[] into) {
        check(first, batch, nOut, into.length);
        for (int j = 0; j < nOut; j++) {
            for (int b = 0; b < batch; b++) {
                into[j * batch + b] = (float) CounterNoise.normal(stream, ((long) first + b) * nOut + j);
            }
        }
    }

    private static void check(int first, int batch, int nOut, int length) {
        if (first < 0 || batch < 0 || nOut < 0) {
            throw new IllegalArgumentException("first, batch and nOut must be >= 0, got " + first + ", " + batch
                    + ", " + nOut);
        }
        if (length < batch * nOut) {
            throw new IllegalArgumentException("u needs nOut x batch = " + nOut * batch + " entries, the array has "
                    + length);
        }
    }
}
