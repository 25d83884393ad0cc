package org.dl4jsnn.bench;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.train.RfgMultiLayerNetwork;

/**
 * A gradient method the benchmark times: back-propagation, or RFG with global (one direction over all
 * parameters), layer-wise (one direction per layer, all stacked in one sweep) or activity perturbation
 * (one current perturbation per spiking layer, one parameter direction for the readout) and K directions.
 */
public record BenchMethod(Kind kind, int directions, boolean stein) {

    /** FORWARD is inference alone (network output, no gradient): the cost both gradient methods start from. */
    public enum Kind { FORWARD, BP, RFG_GLOBAL, RFG_LAYERWISE, RFG_ACTIVITY }

    public BenchMethod {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (directions < 1) {
            throw new IllegalArgumentException("directions K must be >= 1, got " + directions);
        }
        if ((kind == Kind.BP || kind == Kind.FORWARD) && directions != 1) {
            throw new IllegalArgumentException(kind + " has no directions; K must be 1, got " + directions);
        }
    }

    /** With the SG surrogate. */
    public BenchMethod(Kind kind, int directions) {
        this(kind, directions, false);
    }

    /** The same method with the WSG surrogate (Stein's estimate from {@link #STEIN_SAMPLES} draws). */
    public BenchMethod withStein() {
        return new BenchMethod(kind, directions, true);
    }

    /** WSG's draws per neuron-step in the benchmark, the paper's N. */
    public static final int STEIN_SAMPLES = 16;

    public static BenchMethod forward() {
        return new BenchMethod(Kind.FORWARD, 1);
    }

    public static BenchMethod bp() {
        return new BenchMethod(Kind.BP, 1);
    }

    public static BenchMethod global(int k) {
        return new BenchMethod(Kind.RFG_GLOBAL, k);
    }

    public static BenchMethod layerwise(int k) {
        return new BenchMethod(Kind.RFG_LAYERWISE, k);
    }

    public static BenchMethod activity(int k) {
        return new BenchMethod(Kind.RFG_ACTIVITY, k);
    }

    /** "BP", "RFG-G", "RFG-L" or "RFG-A" (K is a column of its own), "WSG-" before it with the WSG surrogate. */
    public String label() {
        return (stein ? "WSG-" : "") + switch (kind) {
            case FORWARD -> "FWD";
            case BP -> "BP";
            case RFG_GLOBAL -> "RFG-G";
            case RFG_LAYERWISE -> "RFG-L";
            case RFG_ACTIVITY -> "RFG-A";
        };
    }

    public boolean isBp() {
        return kind == Kind.BP;
    }

    public boolean isForwardOnly() {
        return kind == Kind.FORWARD;
    }

    /**
     * Tangent directions stacked in one forward sweep: K for global perturbation, K per parameter layer
     * for layer-wise and activity perturbation (a spiking layer's K perturb its current).
     */
    public int stackedDirections(int parameterLayers) {
        return switch (kind) {
            case FORWARD, BP -> 0;
            case RFG_GLOBAL -> directions;
            case RFG_LAYERWISE, RFG_ACTIVITY -> directions * parameterLayers;
        };
    }

    /** An uninitialised network that trains by this method. */
    public MultiLayerNetwork network(MultiLayerConfiguration conf, long seed) {
        return switch (kind) {
            case FORWARD, BP -> new MultiLayerNetwork(conf);
            case RFG_GLOBAL -> new RfgMultiLayerNetwork(conf, RfgSettings.global(seed).withDirections(directions));
            case RFG_LAYERWISE -> new RfgMultiLayerNetwork(conf,
                    RfgSettings.layerwise(seed).withDirections(directions));
            case RFG_ACTIVITY -> new RfgMultiLayerNetwork(conf, RfgSettings.activity(seed).withDirections(directions));
        };
    }

    @Override
    public String toString() {
        return isBp() || isForwardOnly() ? label() : label() + " K=" + directions;
    }
}
