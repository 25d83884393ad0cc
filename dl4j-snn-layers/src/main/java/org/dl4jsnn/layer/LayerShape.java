package org.dl4jsnn.layer;

/**
 * The sizes of one spiking dense layer's computation.
 *
 * @param spikeInput true for spike-train input [batch, nIn, T], false for direct current [batch, nIn]
 */
public record LayerShape(int batch, int nIn, int nOut, int steps, boolean spikeInput) {

    public LayerShape {
        if (batch < 1 || nIn < 1 || nOut < 1 || steps < 1) {
            throw new IllegalArgumentException("batch, nIn, nOut and T must be >= 1, got batch=" + batch
                    + ", nIn=" + nIn + ", nOut=" + nOut + ", T=" + steps);
        }
    }

    public int inputLength() {
        return spikeInput ? batch * nIn * steps : batch * nIn;
    }

    public int outputLength() {
        return batch * nOut * steps;
    }
}
