package org.dl4jsnn.reproduce.tasks;

import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.layer.SpikingDenseLayer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The fraction of neuron-steps that spike: what drives synaptic operations on neuromorphic hardware. */
final class SpikeRates {

    private SpikeRates() {
    }

    static double measure(ComputationGraph net, INDArray[] inputs) {
        Map<String, INDArray> acts = net.feedForward(inputs, false);
        double spikes = 0;
        double total = 0;
        for (Layer layer : net.getLayers()) {
            if (layer instanceof SpikingDenseLayer) {
                INDArray a = acts.get(layer.conf().getLayer().getLayerName());
                spikes += a.sumNumber().doubleValue();
                total += a.length();
            }
        }
        return total == 0 ? Double.NaN : spikes / total;
    }
}
