package org.dl4jsnn.export;

import java.util.List;
import java.util.Objects;
import org.dl4jsnn.neuron.ResetMode;

/**
 * A trained spiking MLP as export sees it: Integrate-and-Fire layers (the first one driven by the
 * real-valued input as a direct current, the others by the previous layer's spikes), then a linear
 * readout of the last layer's spike rates, y = W_o mean_t(S_t) + b_o (docs/design.md section 1).
 *
 * @param layers    the spiking layers, input side first
 * @param thresholds the firing threshold theta of each spiking layer
 * @param resetMode how every spiking layer resets (the same for all)
 * @param readout   the linear readout
 * @param timeSteps T
 */
public record SpikingMlp(List<DenseParams> layers, double[] thresholds, ResetMode resetMode, DenseParams readout,
                         int timeSteps) {

    public SpikingMlp {
        layers = List.copyOf(layers);
        Objects.requireNonNull(resetMode, "resetMode");
        Objects.requireNonNull(readout, "readout");
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a spiking MLP needs at least one spiking layer");
        }
        if (thresholds.length != layers.size()) {
            throw new IllegalArgumentException(thresholds.length + " thresholds for " + layers.size() + " layers");
        }
        for (int l = 1; l < layers.size(); l++) {
            requireChain(layers.get(l - 1), layers.get(l));
        }
        requireChain(layers.get(layers.size() - 1), readout);
        for (int l = 0; l < thresholds.length; l++) {
            if (!(thresholds[l] > 0) || Double.isInfinite(thresholds[l])) {
                throw new IllegalArgumentException("layer '" + layers.get(l).name() + "': threshold must be finite"
                        + " and > 0, got " + thresholds[l]);
            }
        }
        if (timeSteps < 1) {
            throw new IllegalArgumentException("timeSteps T must be >= 1, got " + timeSteps);
        }
    }

    private static void requireChain(DenseParams from, DenseParams to) {
        if (to.nIn() != from.nOut()) {
            throw new IllegalArgumentException("layer '" + to.name() + "' takes " + to.nIn() + " inputs but layer '"
                    + from.name() + "' gives " + from.nOut());
        }
    }

    public int inputSize() {
        return layers.get(0).nIn();
    }

    public int outputSize() {
        return readout.nOut();
    }
}
