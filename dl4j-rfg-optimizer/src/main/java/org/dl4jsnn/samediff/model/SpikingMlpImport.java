package org.dl4jsnn.samediff.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * A DL4J spiking MLP (SpikingDense layers, TimeAverage, a linear MSE output layer) as a SameDiff graph
 * with the same weights, neuron and noise-stream indices, and the way back: so a SameDiff run starts
 * where the DL4J network is and its result can be evaluated by the DL4J network.
 *
 * <p>DL4J keeps W as [nIn, nOut]; the graph keeps [nOut, nIn], whose row-major order is the flat order
 * of DL4J's parameter vector, so the RFG directions of both line up entry by entry.
 */
public final class SpikingMlpImport {

    private SpikingMlpImport() {
    }

    public static SpikingMlpGraph of(MultiLayerNetwork net) {
        return of(net, false);
    }

    public static SpikingMlpGraph of(ComputationGraph net) {
        return of(net, false);
    }

    /** @param forwardModeOnly build the cheaper graph for RFG training only (see {@link SpikingMlpSpec}) */
    public static SpikingMlpGraph of(MultiLayerNetwork net, boolean forwardModeOnly) {
        return of(List.of(net.getLayers()), forwardModeOnly);
    }

    public static SpikingMlpGraph of(ComputationGraph net, boolean forwardModeOnly) {
        return of(layersInOrder(net), forwardModeOnly);
    }

    /** Writes the graph's current parameters into the network it was imported from. */
    public static void copyParameters(SpikingMlpGraph graph, MultiLayerNetwork net) {
        copyParameters(graph, List.of(net.getLayers()));
    }

    public static void copyParameters(SpikingMlpGraph graph, ComputationGraph net) {
        copyParameters(graph, layersInOrder(net));
    }

    private static List<Layer> layersInOrder(ComputationGraph net) {
        List<Layer> layers = new ArrayList<>();
        GraphVertex[] vertices = net.getVertices();
        for (int index : net.getConfiguration().getTopologicalOrder()) {
            if (vertices[index].hasLayer()) {
                layers.add(vertices[index].getLayer());
            }
        }
        return layers;
    }

    private static SpikingMlpGraph of(List<Layer> layers, boolean forwardModeOnly) {
        List<Layer> withParams = checkShape(layers);
        SpikingDense first = (SpikingDense) layers.get(0).conf().getLayer();
        IntegrateAndFireNeuron neuron = first.neuron();
        List<Integer> hidden = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        for (Layer l : layers) {
            if (l.conf().getLayer() instanceof SpikingDense s) {
                requireSameNeuron(first, s);
                hidden.add((int) s.getNOut());
                indices.add(l.getIndex());
            }
        }
        BaseOutputLayer out = (BaseOutputLayer) layers.get(layers.size() - 1).conf().getLayer();
        DataType type = layers.get(0).params().dataType();
        SpikingMlpSpec spec = new SpikingMlpSpec((int) first.getNIn(), hidden, (int) out.getNOut(),
                first.getTimeSteps(), neuron, indices, type, 1.0, 0.0, 1L, forwardModeOnly);
        SpikingMlpGraph graph = SpikingMlpGraph.build(spec);
        List<List<String>> names = graph.layerParameters();
        for (int l = 0; l < withParams.size(); l++) {
            Layer layer = withParams.get(l);
            graph.sameDiff().getArrForVarName(names.get(l).get(0)).assign(layer.getParam("W").transpose());
            graph.sameDiff().getArrForVarName(names.get(l).get(1)).assign(layer.getParam("b").reshape(-1));
        }
        return graph;
    }

    private static void copyParameters(SpikingMlpGraph graph, List<Layer> layers) {
        List<Layer> withParams = checkShape(layers);
        List<List<String>> names = graph.layerParameters();
        if (names.size() != withParams.size()) {
            throw new IllegalArgumentException("the graph has " + names.size() + " layers with parameters, the"
                    + " network " + withParams.size());
        }
        for (int l = 0; l < withParams.size(); l++) {
            Layer layer = withParams.get(l);
            INDArray w = graph.sameDiff().getArrForVarName(names.get(l).get(0));
            INDArray b = graph.sameDiff().getArrForVarName(names.get(l).get(1));
            layer.getParam("W").assign(w.transpose().castTo(layer.getParam("W").dataType()));
            layer.getParam("b").assign(b.reshape(layer.getParam("b").shape()).castTo(layer.getParam("b").dataType()));
        }
    }

    /** The layers with parameters, after checking the network is SpikingDense+, TimeAverage, linear MSE output. */
    private static List<Layer> checkShape(List<Layer> layers) {
        int n = layers.size();
        boolean ok = n >= 3 && layers.get(n - 2).conf().getLayer() instanceof TimeAverage
                && layers.get(n - 1).conf().getLayer() instanceof BaseOutputLayer out
                && out.getLossFn() instanceof LossMSE && out.getActivationFn() instanceof ActivationIdentity;
        for (int i = 0; ok && i < n - 2; i++) {
            ok = layers.get(i).conf().getLayer() instanceof SpikingDense;
        }
        if (!ok) {
            List<String> kinds = layers.stream().map(l -> l.conf().getLayer().getClass().getSimpleName()).toList();
            throw new IllegalArgumentException("only spiking MLPs import: SpikingDense layers, one TimeAverage, then"
                    + " an output layer with identity activation and MSE loss; got " + kinds);
        }
        List<Layer> withParams = new ArrayList<>(layers.subList(0, n - 2));
        withParams.add(layers.get(n - 1));
        return withParams;
    }

    private static void requireSameNeuron(SpikingDense a, SpikingDense b) {
        if (a.getTimeSteps() != b.getTimeSteps() || a.getThreshold() != b.getThreshold() || a.getBeta() != b.getBeta()
                || a.getResetMode() != b.getResetMode() || a.isResetDifferentiated() != b.isResetDifferentiated()
                || !a.getSurrogate().equals(b.getSurrogate()) || a.isSoftSpikes() != b.isSoftSpikes()) {
            throw new IllegalArgumentException("the SameDiff spiking MLP has one neuron for all layers; layers '"
                    + a.getLayerName() + "' and '" + b.getLayerName() + "' differ");
        }
    }
}
