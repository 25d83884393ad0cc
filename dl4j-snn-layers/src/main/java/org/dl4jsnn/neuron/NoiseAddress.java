package org.dl4jsnn.neuron;

/**
 * Where a neuron-step sits in its layer's noise stream: neuron j of example b at step t is element
 * (b nOut + j) T + t of stream {@code seed}, whatever order a loop visits it in. A block of one step's
 * neurons is either example-major ([b][j], the forward sweep's) or neuron-major ([j][b], the layer
 * kernel's); {@link #element} maps a block index to the element.
 *
 * @param neuronMajor true for a [j][b] block
 */
public record NoiseAddress(long seed, int steps, int nOut, int batch, boolean neuronMajor) {

    public NoiseAddress {
        if (steps < 1 || nOut < 1 || batch < 1) {
            throw new IllegalArgumentException("steps, nOut and batch must be >= 1, got " + steps + ", " + nOut
                    + ", " + batch);
        }
    }

    /** The stream element of block index k at step t. */
    public long element(int k, int t) {
        int e = neuronMajor ? (k % batch) * nOut + k / batch : k;
        return (long) e * steps + t;
    }
}
