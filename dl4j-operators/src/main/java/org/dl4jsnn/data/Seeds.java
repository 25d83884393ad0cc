package org.dl4jsnn.data;

/**
 * Derives independent seeds for the streams of one data set (train functions, test functions,
 * shuffling of epoch e, ...) from its single configured seed.
 *
 * <p>Separate streams mean that changing, say, the training-set size leaves the test set unchanged.
 */
final class Seeds {

    /** Train/test stream identifiers, fixed forever: changing them changes every cached data set. */
    static final long TRAIN = 1;
    static final long TEST = 2;

    private Seeds() {
    }

    /** SplitMix64-style avalanche of (seed, stream): nearby inputs give unrelated outputs. */
    static long derive(long seed, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
