package org.dl4jsnn.train;

import java.util.function.Supplier;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.forward.ForwardGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one RFG training step reads from its network and where it writes the estimate. The arrays are
 * the network's own (not copies): {@code flattenedGradients} receives the estimate.
 *
 * @param compile            builds the forward graph (again only when the parameter array was replaced)
 * @param params             the flat parameter vector
 * @param flattenedGradients DL4J's flat gradient array, overwritten with the estimate
 * @param layers             the layers whose gradient views DL4J's updater reads
 * @param naming             how DL4J names per-parameter gradients in this kind of network
 * @param inputs             the minibatch's features, one array per network input
 * @param labels             the minibatch's labels, one array per network output
 * @param networkSeed        the network configuration's seed: with the iteration it fixes a stochastic
 *                           surrogate's noise. Not the RFG seed, which fixes the directions and lives in
 *                           {@link org.dl4jsnn.estimator.RfgSettings}
 * @param iteration          the network's iteration count
 */
record RfgStep(Supplier<ForwardGraph> compile, INDArray params, INDArray flattenedGradients, Layer[] layers,
               GradientNaming naming, INDArray[] inputs, INDArray[] labels, long networkSeed, long iteration) {

    /** DL4J names gradients "index_W" in a MultiLayerNetwork and "vertex_W" in a ComputationGraph. */
    enum GradientNaming { LAYER_INDEX, LAYER_NAME }

    static RfgStep of(MultiLayerNetwork net, INDArray flattenedGradients) {
        return new RfgStep(() -> ForwardGraph.of(net), net.params(), flattenedGradients, net.getLayers(),
                GradientNaming.LAYER_INDEX, new INDArray[] {net.getInput()}, new INDArray[] {net.getLabels()},
                net.getLayerWiseConfigurations().getConf(0).getSeed(),
                net.getLayerWiseConfigurations().getIterationCount());
    }

    static RfgStep of(ComputationGraph net, INDArray flattenedGradients, INDArray[] labels) {
        return new RfgStep(() -> ForwardGraph.of(net), net.params(), flattenedGradients, net.getLayers(),
                GradientNaming.LAYER_NAME, net.getInputs(), labels,
                net.getConfiguration().getDefaultConfiguration().getSeed(),
                net.getConfiguration().getIterationCount());
    }
}
