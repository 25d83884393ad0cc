package org.dl4jsnn.neuron;

/**
 * Where a neuron-step sits in its layer's noise stream: neuron j of example b at step t is element
 * (b nOut + j) T + t of stream {@code seed}, whatever order a loop visits it in. A block of one step's
 * neurons is either example-major ([b][j], the forward sweep's) or neuron-major ([j][b], the layer
 * kernel's); {@link #element} maps a block index to the element.
 *
 * <p>A block may hold a contiguous slice of the minibatch (a thread's chunk, see BatchChunks): its
 * examples are then {@code batchOffset + b}, so every neuron-step draws the same noise however the batch is
 * split.
 *
 * @param batch       the examples in this block
 * @param neuronMajor true for a [j][b] block
 * @param batchOffset the minibatch index of this block's first example
 */
public record NoiseAddress(long seed, int steps, int nOut, int batch, boolean neuronMajor, int batchOffset) {

    public NoiseAddress {
        if (steps < 1 || nOut < 1 || batch < 1) {
            throw new IllegalArgumentException("steps, nOut and batch must be >= 1, got " + steps + ", " + nOut
                    + ", " + batch);
        }
        if (batchOffset < 0) {
            throw new IllegalArgumentException("batchOffset must be >= 0, got " + batchOffset);
        }
    }

    /** A block holding the whole minibatch. */
    public NoiseAddress(long seed, int steps, int nOut, int batch, boolean neuronMajor) {
        this(seed, steps, nOut, batch, neuronMajor, 0);
    }

    /** The stream element of block index k at step t. */
    public long element(int k, int t) {
        long e = neuronMajor ? (long) (batchOffset + k % batch) * nOut + k / batch : (long) batchOffset * nOut + k;
        return e * steps + t;
    }

    /** into[i] = {@link #element}(from + i, t) for i in [0, n), without a division per neuron. */
    public void elements(int from, int n, int t, long[] into) {
        if (!neuronMajor) {
            long first = ((long) batchOffset * nOut + from) * steps + t;
            for (int i = 0; i < n; i++) {
                into[i] = first + (long) i * steps;
            }
            return;
        }
        int b = from % batch;
        int j = from / batch;
        for (int i = 0; i < n; i++) {
            into[i] = ((long) (batchOffset + b) * nOut + j) * steps + t;
            if (++b == batch) {
                b = 0;
                j++;
            }
        }
    }
}
