package org.dl4jsnn.samediff.spike;

import org.dl4jsnn.surrogate.NoiseSeeds;
import org.dl4jsnn.surrogate.SteinDraws;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The WSG draws of one spiking layer, fed to a placeholder of shape [batch, neurons, steps, samples].
 *
 * <p>Element (b, j, t, i) is {@link SteinDraws#normal} draw i of neuron-step (b neurons + j) steps + t of
 * the layer's noise stream {@link NoiseSeeds#forLayer}(network seed, iteration, layer index): the very draw
 * the DL4J layer's Stein surrogate uses for the same neuron-step, so both paths differentiate with the
 * same noise (docs/design.md section 2).
 *
 * @param placeholder the placeholder's name
 * @param batchSource a placeholder whose first dimension is the batch size
 * @param layerIndex  the layer's index in the network's noise streams
 */
public record SpikeNoise(String placeholder, String batchSource, int layerIndex, int neurons, int steps,
                         int samples) {

    public SpikeNoise {
        if (placeholder == null || batchSource == null) {
            throw new IllegalArgumentException("placeholder and batchSource names are required");
        }
        if (neurons < 1 || steps < 1 || samples < 1) {
            throw new IllegalArgumentException("neurons, steps and samples must be >= 1, got " + neurons + ", "
                    + steps + ", " + samples);
        }
    }

    /** The draws of one iteration for a minibatch of {@code batch} examples. */
    public INDArray draw(long networkSeed, long iteration, long batch, DataType dataType) {
        long length = batch * neurons * steps * samples;
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("WSG noise of " + length + " draws does not fit one array");
        }
        long seed = NoiseSeeds.forLayer(networkSeed, iteration, layerIndex);
        double[] values = new double[(int) length];
        for (int k = 0; k < values.length; k++) {
            values[k] = SteinDraws.normal(seed, k / samples, samples, k % samples);
        }
        return Nd4j.create(values, new long[] {batch, neurons, steps, samples}, dataType);
    }
}
