package org.dl4jsnn.forward;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.deeplearning4j.nn.layers.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * A DL4J network compiled for the forward sweep: its pieces in topological order, each with its
 * forward-mode rule and where its parameters sit in the flat parameter vector.
 *
 * <p>Pieces run in three phases: {@link Phase#STATIC} ones depend only on the inputs and run once;
 * {@link Phase#TEMPORAL} ones (spiking layers) run once per time step; {@link Phase#READOUT} ones (time
 * averages and everything after them) run once after the last step.
 */
public final class ForwardGraph {

    public enum Phase { STATIC, TEMPORAL, READOUT }

    /** One piece of the network. */
    public sealed interface Node permits InputNode, SpikingNode, AverageNode, DenseNode, LossNode, CustomNode {
        String name();

        int[] inputs();
    }

    public record InputNode(String name, int[] inputs, int inputIndex) implements Node {
    }

    public record SpikingNode(String name, int[] inputs, IntegrateAndFireNeuron neuron, int nOut, int steps,
                              int layerIndex, ParamSegment segment, boolean floatKernels) implements Node {
    }

    public record AverageNode(String name, int[] inputs, int steps) implements Node {
    }

    /** A dense layer; {@code labelIndex >= 0} makes it an MSE output against that label array. */
    public record DenseNode(String name, int[] inputs, int nOut, ActivationJvp activation, ParamSegment segment,
                            int labelIndex) implements Node {
    }

    /** A parameter-free MSE output (DL4J's LossLayer) against label array {@code labelIndex}. */
    public record LossNode(String name, int[] inputs, ActivationJvp activation, int labelIndex) implements Node {
    }

    public record CustomNode(String name, int[] inputs, StaticJvpRule rule, ParamSegment segment) implements Node {
    }

    /**
     * A layer's parameters in the flat vector: W (row-major [nOut][nIn]) then b, or just a bias.
     * {@code trainable} is false for a layer that transfer learning froze: the sweep reads its
     * parameters but no direction perturbs them, so no estimate is spent on them.
     */
    public record ParamSegment(int offset, int length, int weightOffset, int biasOffset, boolean trainable) {

        public ParamSegment(int offset, int length, int weightOffset, int biasOffset) {
            this(offset, length, weightOffset, biasOffset, true);
        }
    }

    private final List<Node> nodes;
    private final Phase[] phases;
    private final List<ParamSegment> segments;
    private final int inputCount;
    private final int outputCount;
    private final int steps;

    private ForwardGraph(List<Node> nodes, int inputCount, int outputCount) {
        this.nodes = List.copyOf(nodes);
        this.inputCount = inputCount;
        this.outputCount = outputCount;
        this.phases = new Phase[nodes.size()];
        List<ParamSegment> segs = new ArrayList<>();
        int t = -1;
        for (int n = 0; n < nodes.size(); n++) {
            Node node = nodes.get(n);
            phases[n] = phaseOf(node, n);
            ParamSegment seg = segmentOf(node);
            if (seg != null && seg.length() > 0 && seg.trainable()) {
                segs.add(seg);
            }
            int nodeSteps = node instanceof SpikingNode s ? s.steps() : node instanceof AverageNode a ? a.steps() : -1;
            if (nodeSteps > 0) {
                if (t > 0 && t != nodeSteps) {
                    throw new IllegalArgumentException("all spiking layers must run the same number of time steps; '"
                            + node.name() + "' runs " + nodeSteps + ", an earlier one " + t);
                }
                t = nodeSteps;
            }
        }
        this.segments = List.copyOf(segs);
        this.steps = Math.max(t, 1);
    }

    private Phase phaseOf(Node node, int index) {
        if (node instanceof InputNode) {
            return Phase.STATIC;
        }
        if (node instanceof SpikingNode) {
            for (int in : node.inputs()) {
                if (phases[in] == Phase.READOUT) {
                    throw new IllegalArgumentException("spiking layer '" + node.name()
                            + "' takes the output of a time average; spiking layers must come before TimeAverage");
                }
            }
            return Phase.TEMPORAL;
        }
        boolean anyTemporal = false;
        boolean anyReadout = false;
        for (int in : node.inputs()) {
            anyTemporal |= phases[in] == Phase.TEMPORAL;
            anyReadout |= phases[in] == Phase.READOUT;
        }
        if (node instanceof AverageNode) {
            if (!anyTemporal) {
                throw new IllegalArgumentException("TimeAverage '" + node.name() + "' must follow a spiking layer");
            }
            return Phase.READOUT;
        }
        if (anyTemporal) {
            throw new IllegalArgumentException("'" + node.name() + "' consumes spike trains directly; put a "
                    + "TimeAverage between the last spiking layer and any non-spiking layer");
        }
        return anyReadout ? Phase.READOUT : Phase.STATIC;
    }

    private static ParamSegment segmentOf(Node node) {
        if (node instanceof SpikingNode s) {
            return s.segment();
        }
        if (node instanceof DenseNode d) {
            return d.segment();
        }
        return node instanceof CustomNode c ? c.segment() : null;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Phase phase(int node) {
        return phases[node];
    }

    /**
     * Each trainable parameter-holding layer's segment, in network order: the blocks of layer-wise
     * perturbation. Frozen layers' segments are not among them.
     */
    public List<ParamSegment> segments() {
        return segments;
    }

    public int inputCount() {
        return inputCount;
    }

    public int outputCount() {
        return outputCount;
    }

    public int steps() {
        return steps;
    }

    // ---------------------------------------------------------------- compilation from DL4J networks

    public static ForwardGraph of(MultiLayerNetwork net) {
        INDArray flat = net.params();
        List<Node> nodes = new ArrayList<>();
        nodes.add(new InputNode("input", new int[0], 0));
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            if (net.getLayerWiseConfigurations().getInputPreProcess(i) != null) {
                throw new UnsupportedOperationException("layer " + i + " has an input preprocessor ("
                        + net.getLayerWiseConfigurations().getInputPreProcess(i).getClass().getSimpleName()
                        + "), which the forward-mode engine does not support");
            }
            boolean last = i == layers.length - 1;
            nodes.add(layerNode("layer" + i, new int[] {nodes.size() - 1}, layers[i], flat, last ? 0 : -1));
        }
        if (!(nodes.get(nodes.size() - 1) instanceof DenseNode d) || d.labelIndex() < 0) {
            throw new IllegalArgumentException("the last layer must be an OutputLayer with MSE loss");
        }
        return new ForwardGraph(nodes, 1, 1);
    }

    public static ForwardGraph of(ComputationGraph net) {
        ComputationGraphConfiguration conf = net.getConfiguration();
        INDArray flat = net.params();
        List<Node> nodes = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        List<String> outputs = conf.getNetworkOutputs();
        List<JvpRuleProvider> providers = RuleProviders.ALL;
        for (int v : net.topologicalSortOrder()) {
            GraphVertex vertex = net.getVertices()[v];
            String name = vertex.getVertexName();
            List<String> inNames = conf.getVertexInputs().get(name);
            int[] inputs = inNames == null ? new int[0] : inNames.stream().mapToInt(index::get).toArray();
            Node node;
            if (vertex.isInputVertex()) {
                node = new InputNode(name, inputs, conf.getNetworkInputs().indexOf(name));
            } else if (vertex.hasLayer()) {
                if (vertex instanceof LayerVertex lv
                        && lv.getLayerPreProcessor() != null) {
                    throw new UnsupportedOperationException("vertex '" + name + "' has an input preprocessor ("
                            + lv.getLayerPreProcessor().getClass().getSimpleName()
                            + "), which the forward-mode engine does not support");
                }
                node = layerNode(name, inputs, vertex.getLayer(), flat, outputs.indexOf(name));
            } else {
                node = customNode(name, inputs, vertex, providers, flat);
            }
            index.put(name, nodes.size());
            nodes.add(node);
        }
        for (String out : outputs) {
            Node node = nodes.get(index.get(out));
            if (!(node instanceof LossNode) && (!(node instanceof DenseNode d) || d.labelIndex() < 0)) {
                throw new IllegalArgumentException("network output '" + out
                        + "' must be an OutputLayer or LossLayer with MSE loss");
            }
        }
        return new ForwardGraph(nodes, conf.getNetworkInputs().size(), outputs.size());
    }

    /**
     * The registered rule providers, looked up once: RFG compiles the graph every iteration, and scanning the
     * class path for service files each time cost 1-3% of a DeepONet iteration (JFR). Immutable.
     */
    private static final class RuleProviders {
        static final List<JvpRuleProvider> ALL = load();

        private static List<JvpRuleProvider> load() {
            List<JvpRuleProvider> providers = new ArrayList<>();
            ServiceLoader.load(JvpRuleProvider.class).forEach(providers::add);
            return List.copyOf(providers);
        }
    }

    private static Node customNode(String name, int[] inputs, GraphVertex vertex, List<JvpRuleProvider> providers,
                                   INDArray flat) {
        for (JvpRuleProvider p : providers) {
            Optional<StaticJvpRule> rule = p.ruleFor(vertex);
            if (rule.isPresent()) {
                ParamSegment seg = null;
                if (vertex.numParams() > 0) {
                    int off = offsetIn(flat, vertex.params());
                    seg = new ParamSegment(off, (int) vertex.numParams(), off, off);
                }
                return new CustomNode(name, inputs, rule.get(), seg);
            }
        }
        throw new UnsupportedOperationException("vertex '" + name + "' (" + vertex.getClass().getName()
                + ") has no forward-mode rule; register a JvpRuleProvider for it");
    }

    private static Node layerNode(String name, int[] inputs, Layer layer, INDArray flat, int labelIndex) {
        org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
        if (conf.getIDropout() != null) {
            throw new UnsupportedOperationException("layer '" + name + "' uses dropout, which the forward-mode"
                    + " engine does not model");
        }
        if (conf instanceof SpikingDense s) {
            // a FLOAT network's sweep runs the float kernels, as its layers do for BP
            return new SpikingNode(name, inputs, s.neuron(), (int) s.getNOut(), s.getTimeSteps(), layer.getIndex(),
                    denseSegment(layer, flat), flat.dataType() == DataType.FLOAT);
        }
        if (conf instanceof TimeAverage) {
            return new AverageNode(name, inputs, -1);
        }
        if (conf instanceof BaseOutputLayer out && conf instanceof OutputLayer) {
            if (!(out.getLossFn() instanceof LossMSE)) {
                throw new UnsupportedOperationException("output layer '" + name + "' uses " + out.getLossFn()
                        + "; the forward-mode engine supports MSE");
            }
            if (labelIndex < 0) {
                throw new IllegalArgumentException("output layer '" + name + "' is not a network output");
            }
            return new DenseNode(name, inputs, (int) out.getNOut(), ActivationJvp.of(out.getActivationFn(), name),
                    denseSegment(layer, flat), labelIndex);
        }
        if (conf instanceof LossLayer loss) {
            if (!(loss.getLossFn() instanceof LossMSE) || labelIndex < 0) {
                throw new UnsupportedOperationException("loss layer '" + name + "' must be a network output with MSE"
                        + " loss, got " + loss.getLossFn());
            }
            return new LossNode(name, inputs, ActivationJvp.of(loss.getActivationFn(), name), labelIndex);
        }
        if (conf instanceof DenseLayer d && !d.hasLayerNorm()) {
            return new DenseNode(name, inputs, (int) d.getNOut(), ActivationJvp.of(d.getActivationFn(), name),
                    denseSegment(layer, flat), -1);
        }
        throw new UnsupportedOperationException("layer '" + name + "' (" + conf.getClass().getSimpleName()
                + ") has no forward-mode rule; supported: SpikingDense, TimeAverage, DenseLayer, OutputLayer (MSE)");
    }

    /**
     * DL4J's transfer learning wraps frozen layers; the wrapper passes conf() and the parameters through,
     * so only the wrapper's type tells that the updater never moves them.
     */
    private static boolean frozen(Layer layer) {
        return layer instanceof org.deeplearning4j.nn.layers.FrozenLayer
                || layer instanceof FrozenLayerWithBackprop;
    }

    private static ParamSegment denseSegment(Layer layer, INDArray flat) {
        INDArray w = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray b = layer.getParam(DefaultParamInitializer.BIAS_KEY);
        if (b == null) {
            throw new UnsupportedOperationException("layer " + layer.getIndex() + " has no bias; not supported");
        }
        int wOff = offsetIn(flat, w);
        int bOff = offsetIn(flat, b);
        if (bOff != wOff + w.length()) {
            throw new IllegalStateException("unexpected parameter layout in layer " + layer.getIndex());
        }
        return new ParamSegment(wOff, (int) (w.length() + b.length()), wOff, bOff, !frozen(layer));
    }

    /** Where {@code view} starts inside {@code flat}, from their native addresses (views may wrap buffers). */
    private static int offsetIn(INDArray flat, INDArray view) {
        long size = flat.data().getElementSize();
        long diff = address(view) - address(flat);
        if (diff < 0 || diff % size != 0 || diff / size + view.length() > flat.length()) {
            throw new IllegalStateException("parameter is not a view of the network's flat parameter vector");
        }
        return (int) (diff / size);
    }

    private static long address(INDArray a) {
        return a.data().pointer().address() + a.offset() * a.data().getElementSize();
    }
}
