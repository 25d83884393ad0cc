package org.dl4jsnn.emulator;

/**
 * One sample run through the emulator.
 *
 * @param output          the readout in the model's scale, v / (64 k_o T) + offset
 * @param readoutVoltage  the readout's raw v after the last step
 * @param spikesPerLayer  spikes of each spiking layer over the whole run
 * @param spikeTrains     per spiking layer [neuron * runSteps + t] (t = 0 is step 1), or null if not recorded
 * @param saturations     voltage saturation events over all layers
 * @param encoderClips    first-layer bias mantissas clipped to the 13-bit range
 * @param inputOverflows  synaptic inputs beyond int16
 */
public record Emulation(double[] output, long[] readoutVoltage, long[] spikesPerLayer, byte[][] spikeTrains,
                        long saturations, int encoderClips, long inputOverflows) {
}
