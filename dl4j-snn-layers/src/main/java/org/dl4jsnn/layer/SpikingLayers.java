package org.dl4jsnn.layer;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.parallel.BatchThreads;

/** Applies a runtime setting to every spiking and time-average layer of a network, frozen ones included. */
public final class SpikingLayers {

    private SpikingLayers() {
    }

    /** Splits every spiking and time-average layer's minibatch over {@code threads} (see {@link BatchThreads}). */
    public static void setBatchThreads(MultiLayerNetwork net, BatchThreads threads) {
        setBatchThreads(net.getLayers(), threads);
    }

    public static void setBatchThreads(ComputationGraph net, BatchThreads threads) {
        setBatchThreads(net.getLayers(), threads);
    }

    public static void setBatchThreads(Layer[] layers, BatchThreads threads) {
        if (threads == null) {
            throw new IllegalArgumentException("threads must not be null (use BatchThreads.single())");
        }
        if (layers == null) {
            throw new IllegalArgumentException("layers must not be null: call init() on the network first");
        }
        for (Layer layer : layers) {
            Layer inner = layer instanceof FrozenLayer f ? f.getInsideLayer() : layer;
            if (inner instanceof SpikingDenseLayer s) {
                s.setBatchThreads(threads);
            } else if (inner instanceof TimeAverageLayer a) {
                a.setBatchThreads(threads);
            }
        }
    }
}
