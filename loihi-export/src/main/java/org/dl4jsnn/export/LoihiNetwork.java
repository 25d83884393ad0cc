package org.dl4jsnn.export;

import java.util.List;
import java.util.Objects;
import org.dl4jsnn.neuron.ResetMode;

/**
 * A spiking MLP on Loihi's integer grid, what a netx file holds: the input encoder (host side) driving
 * the first spiking layer through its bias, spike-driven spiking layers, and a non-spiking readout
 * whose voltage the host turns back into the model's output: y = v / (64 k_o T) + offset.
 *
 * @param modelReset the reset the float model was trained with; Loihi always resets to zero, so only
 *                   {@link ResetMode#ZERO} models can export exactly
 */
public record LoihiNetwork(InputEncoder encoder, List<QuantizedLayer> layers, QuantizedLayer readout,
                           double[] readoutOffset, int timeSteps, ResetMode modelReset) {

    public LoihiNetwork {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(readout, "readout");
        Objects.requireNonNull(modelReset, "modelReset");
        layers = List.copyOf(layers);
        int prev = encoder.nOut();
        for (QuantizedLayer l : layers) {
            if (l.nIn() != prev) {
                throw new IllegalArgumentException("layer '" + l.name() + "' takes " + l.nIn() + " inputs, the layer"
                        + " before gives " + prev);
            }
            prev = l.nOut();
        }
        if (readout.nIn() != prev) {
            throw new IllegalArgumentException("readout '" + readout.name() + "' takes " + readout.nIn()
                    + " inputs, the last spiking layer gives " + prev);
        }
        if (readoutOffset.length != readout.nOut()) {
            throw new IllegalArgumentException("readout offset has " + readoutOffset.length + " entries for "
                    + readout.nOut() + " outputs");
        }
        if (timeSteps < 1) {
            throw new IllegalArgumentException("timeSteps T must be >= 1, got " + timeSteps);
        }
    }

    /** Spiking layers, the encoder-driven first one included. */
    public int spikingLayerCount() {
        return 1 + layers.size();
    }

    /**
     * Steps to run one sample: T plus one per dense connection, since each dense layer delays its input
     * by one step and the readout must see the last spiking layer's T-th step.
     */
    public int runSteps() {
        return timeSteps + spikingLayerCount();
    }

    public int inputSize() {
        return encoder.nIn();
    }

    public int outputSize() {
        return readout.nOut();
    }
}
