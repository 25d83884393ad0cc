package org.dl4jsnn.export;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.neuron.ResetMode;

/**
 * Switches a trained graph's spiking layers to reset-to-zero, Loihi's only reset (docs/export.md,
 * "Training for exactness"). The network then computes something else until it is fine-tuned; with a
 * quantization-aware fine-tune afterwards a subtract-reset model becomes exactly exportable.
 */
public final class ResetConversion {

    private ResetConversion() {
    }

    /**
     * A new graph with the same parameters whose SpikingDense layers reset to zero (a fresh updater state;
     * the input graph is left unchanged). Rebuilt from the configuration, so no layer keeps a neuron made
     * from the old setting.
     */
    public static ComputationGraph toZero(ComputationGraph graph) {
        ComputationGraphConfiguration conf = graph.getConfiguration().clone();
        for (var v : conf.getVertices().values()) {
            if (v instanceof LayerVertex lv && lv.getLayerConf().getLayer() instanceof SpikingDense sd) {
                sd.setResetMode(ResetMode.ZERO);
            }
        }
        ComputationGraph out = new ComputationGraph(conf);
        out.init(graph.params().dup(), false);
        return out;
    }

    /** How many SpikingDense layers of the graph do not reset to zero. */
    public static int nonZeroResetLayers(ComputationGraph graph) {
        int n = 0;
        for (var v : graph.getConfiguration().getVertices().values()) {
            if (v instanceof LayerVertex lv && lv.getLayerConf().getLayer() instanceof SpikingDense sd
                    && sd.getResetMode() != ResetMode.ZERO) {
                n++;
            }
        }
        return n;
    }
}
