package org.dl4jsnn.samediff.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.ResetMode;
import org.dl4jsnn.surrogate.Surrogate;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Shape and neuron of a spiking MLP built as a SameDiff graph: direct-current input, spiking layers
 * unrolled over T steps, a linear readout of the last layer's time-averaged spikes, MSE loss. The
 * neuron is the core's {@link IntegrateAndFireNeuron}, the same settings a DL4J {@code SpikingDense} has.
 *
 * @param layerIndices per spiking layer, its index in the network's noise streams (a DL4J layer's index),
 *                     so WSG draws the noise the DL4J network would
 * @param initGain     hidden weights are drawn from N(0, initGain^2 / fanIn)
 * @param biasInit     initial hidden bias, a fraction of the threshold, so that neurons start near firing
 * @param forwardModeOnly spikes without the straight-through ops SameDiff's reverse mode needs
 *                     ({@code SpikeOps.forwardOnly}): a cheaper graph for RFG training only
 */
public record SpikingMlpSpec(int nIn, List<Integer> hidden, int nOut, int timeSteps, IntegrateAndFireNeuron neuron,
                             List<Integer> layerIndices, DataType dataType, double initGain, double biasInit,
                             long seed, boolean forwardModeOnly) {

    public SpikingMlpSpec {
        hidden = List.copyOf(hidden);
        layerIndices = List.copyOf(layerIndices);
        require(nIn > 0 && nOut > 0, "nIn and nOut must be >= 1, got nIn=" + nIn + ", nOut=" + nOut);
        require(!hidden.isEmpty() && hidden.stream().allMatch(n -> n > 0),
                "need at least one spiking layer, all widths >= 1, got " + hidden);
        require(timeSteps > 0, "timeSteps T must be >= 1, got " + timeSteps);
        Objects.requireNonNull(neuron, "neuron");
        require(!neuron.softSpikes(), "soft spikes are for gradient checks of the DL4J layer only");
        require(layerIndices.size() == hidden.size(), "layerIndices needs one index per spiking layer ("
                + hidden.size() + "), got " + layerIndices);
        require(dataType != null && dataType.isFPType(), "a floating-point data type is required, got " + dataType);
        require(initGain > 0 && Double.isFinite(initGain), "initGain must be finite and > 0, got " + initGain);
    }

    public static Builder builder(int nIn, int nOut, int... hidden) {
        return new Builder(nIn, nOut, hidden);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Defaults follow docs/design.md section 1: IF neurons, threshold 1, T 32, SG s = 0.5, float. */
    public static final class Builder {
        private final int nIn;
        private final int nOut;
        private final List<Integer> hidden;
        private int timeSteps = 32;
        private IntegrateAndFireNeuron neuron = new IntegrateAndFireNeuron(1.0, 1.0, ResetMode.SUBTRACT, false,
                Surrogate.gaussian(0.5), false);
        private List<Integer> layerIndices;
        private DataType dataType = DataType.FLOAT;
        private double initGain = 2.0;
        private double biasInit = 0.5;
        private long seed = 42;
        private boolean forwardModeOnly;

        private Builder(int nIn, int nOut, int... hidden) {
            this.nIn = nIn;
            this.nOut = nOut;
            this.hidden = Arrays.stream(hidden).boxed().toList();
        }

        public Builder timeSteps(int t) { this.timeSteps = t; return this; }
        /** The neuron of every spiking layer, e.g. {@code SpikingDense#neuron()} of a DL4J layer. */
        public Builder neuron(IntegrateAndFireNeuron n) { this.neuron = n; return this; }
        /** Per spiking layer its noise-stream index (default 0, 1, ...: a MultiLayerNetwork's). */
        public Builder layerIndices(List<Integer> indices) { this.layerIndices = indices; return this; }
        public Builder dataType(DataType d) { this.dataType = d; return this; }
        public Builder initGain(double g) { this.initGain = g; return this; }
        public Builder biasInit(double b) { this.biasInit = b; return this; }
        public Builder seed(long s) { this.seed = s; return this; }
        /** Build spikes for forward mode only (no reverse-mode derivative, fewer ops); default false. */
        public Builder forwardModeOnly(boolean f) { this.forwardModeOnly = f; return this; }

        public SpikingMlpSpec build() {
            List<Integer> indices = layerIndices != null ? layerIndices
                    : IntStream.range(0, hidden.size()).boxed().toList();
            return new SpikingMlpSpec(nIn, hidden, nOut, timeSteps, neuron, indices, dataType, initGain, biasInit,
                    seed, forwardModeOnly);
        }
    }
}
