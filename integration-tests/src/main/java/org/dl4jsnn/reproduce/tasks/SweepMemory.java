package org.dl4jsnn.reproduce.tasks;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.reproduce.GradientKind;
import org.dl4jsnn.reproduce.MethodSpec;

/**
 * The heap a forward-gradient iteration needs, estimated from the network's shape before any array is
 * made, so that a run that cannot fit is refused at once instead of failing with OutOfMemoryError
 * minutes in.
 *
 * <p>The sweep carries one tangent per stacked direction for every neuron of every example: K
 * directions for RFG-G, K per parameter-holding layer for RFG-L. Per (direction, example, neuron) it
 * keeps about three doubles (membrane, spike and input-current tangents); measured with
 * {@code dl4j-snn bench}, 16 directions at batch 10,000 on the 2-16-16-1 network took 150 MB more than
 * one direction, 1.0 kB per direction and example, against 3 x 8 x 49 = 1.2 kB here.
 * Back-propagation is not estimated: it needs no per-direction memory. Activity perturbation (RFG-A)
 * also keeps, per direction and spiking layer, u and the layer's input at every step (docs/design.md
 * section 3): T x batch x (nOut + nIn) doubles more.
 */
final class SweepMemory {

    static final int DOUBLES_PER_NEURON = 3;

    private SweepMemory() {
    }

    /** Bytes of tangent state for one iteration of {@code method} at {@code batch}; 0 for back-propagation. */
    static long bytes(ComputationGraphConfiguration conf, MethodSpec method, int batch) {
        if (!method.gradient().isForwardGradient()) {
            return 0;
        }
        long neurons = 0;
        int paramLayers = 0;
        for (GraphVertex v : conf.getVertices().values()) {
            if (v instanceof LayerVertex lv && lv.getLayerConf().getLayer() instanceof FeedForwardLayer ff) {
                neurons += ff.getNOut();
                paramLayers++;
            }
        }
        long stacked = (long) method.directions() * (method.gradient() == GradientKind.RFG_G ? 1 : paramLayers);
        long trace = 0;
        if (method.gradient() == GradientKind.RFG_A) {
            for (GraphVertex v : conf.getVertices().values()) {
                if (v instanceof LayerVertex lv && lv.getLayerConf().getLayer() instanceof SpikingDense s) {
                    trace += 8L * method.directions() * s.getTimeSteps() * batch * (s.getNIn() + s.getNOut());
                }
            }
        }
        return bytes(neurons, stacked, batch) + trace;
    }

    /** Bytes of tangent state for {@code stacked} directions over {@code neurons} neurons and {@code batch} examples. */
    static long bytes(long neurons, long stacked, int batch) {
        return 8L * DOUBLES_PER_NEURON * stacked * batch * neurons;
    }
}
