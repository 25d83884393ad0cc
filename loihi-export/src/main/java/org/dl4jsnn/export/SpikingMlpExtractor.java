package org.dl4jsnn.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.neuron.ResetMode;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads a {@link SpikingMlp} out of a trained ComputationGraph by walking back from a linear readout
 * layer: readout <- TimeAverage <- SpikingDense <- ... <- SpikingDense <- a graph input. Anything else
 * on that path has no Loihi equivalent and fails with a message naming the layer and the field.
 * Other branches of the graph (local-loss heads, the other net of an operator) are ignored.
 */
public final class SpikingMlpExtractor {

    private SpikingMlpExtractor() {
    }

    /** The MLP ending in the graph's first output layer. */
    public static SpikingMlp extract(ComputationGraph graph) {
        return extract(graph, graph.getConfiguration().getNetworkOutputs().get(0));
    }

    /** The MLP ending in {@code readoutName}, which must be a DenseLayer or OutputLayer with identity activation. */
    public static SpikingMlp extract(ComputationGraph graph, String readoutName) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        Map<String, GraphVertex> vertices = conf.getVertices();
        Layer readoutConf = layerOf(vertices, readoutName);
        if (!(readoutConf instanceof DenseLayer || readoutConf instanceof OutputLayer)) {
            throw new UnsupportedModelException("layer '" + readoutName + "' (" + kind(vertices, readoutName)
                    + ") has no Loihi equivalent as a readout: expected a DenseLayer or OutputLayer");
        }
        if (!(((BaseLayer) readoutConf).getActivationFn() instanceof ActivationIdentity)) {
            throw new UnsupportedModelException("layer '" + readoutName + "': field activation is "
                    + ((BaseLayer) readoutConf).getActivationFn() + "; a Loihi readout is linear (identity)");
        }
        DenseParams readout = params(graph, readoutName);

        String averageName = singleInput(conf, readoutName);
        if (!(layerOrNull(vertices, averageName) instanceof TimeAverage)) {
            throw new UnsupportedModelException("layer '" + averageName + "' (" + kind(vertices, averageName)
                    + ") feeds readout '" + readoutName + "'; export expects a TimeAverage of spikes there");
        }
        List<DenseParams> layers = new ArrayList<>();
        List<Double> thresholds = new ArrayList<>();
        ResetMode reset = null;
        int steps = -1;
        String name = singleInput(conf, averageName);
        while (!conf.getNetworkInputs().contains(name)) {
            if (!(layerOrNull(vertices, name) instanceof SpikingDense sd)) {
                throw new UnsupportedModelException("layer '" + name + "' (" + kind(vertices, name)
                        + ") has no Loihi equivalent: only SpikingDense layers may lie between the input and the"
                        + " TimeAverage");
            }
            requireSupported(name, sd);
            if (reset != null && reset != sd.getResetMode()) {
                throw new UnsupportedModelException("layer '" + name + "': field resetMode is " + sd.getResetMode()
                        + " but a later layer uses " + reset + "; export needs one reset mode for all layers");
            }
            if (steps > 0 && steps != sd.getTimeSteps()) {
                throw new UnsupportedModelException("layer '" + name + "': field timeSteps is " + sd.getTimeSteps()
                        + " but a later layer runs " + steps);
            }
            reset = sd.getResetMode();
            steps = sd.getTimeSteps();
            layers.add(params(graph, name));
            thresholds.add(sd.getThreshold());
            name = singleInput(conf, name);
        }
        if (layers.isEmpty()) {
            throw new UnsupportedModelException("layer '" + averageName + "' averages a graph input directly;"
                    + " export needs at least one SpikingDense layer");
        }
        Collections.reverse(layers);
        Collections.reverse(thresholds);
        return new SpikingMlp(layers, thresholds.stream().mapToDouble(Double::doubleValue).toArray(), reset,
                readout, steps);
    }

    /** The graph input at the start of the chain that ends in {@code readoutName}. */
    public static String inputOf(ComputationGraph graph, String readoutName) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        String name = readoutName;
        while (!conf.getNetworkInputs().contains(name)) {
            name = singleInput(conf, name);
        }
        return name;
    }

    private static void requireSupported(String name, SpikingDense sd) {
        if (sd.getBeta() != 1.0) {
            throw new UnsupportedModelException("layer '" + name + "': field beta is " + sd.getBeta()
                    + "; only Integrate-and-Fire (beta = 1) exports exactly to a CUBA neuron with vDecay 0");
        }
        if (sd.isSoftSpikes()) {
            throw new UnsupportedModelException("layer '" + name + "': field softSpikes is true; Loihi spikes are"
                    + " binary");
        }
    }

    private static String singleInput(ComputationGraphConfiguration conf, String name) {
        List<String> inputs = conf.getVertexInputs().get(name);
        if (inputs == null || inputs.size() != 1) {
            throw new UnsupportedModelException("layer '" + name + "' has inputs " + inputs
                    + "; export follows a chain with exactly one input per layer");
        }
        return inputs.get(0);
    }

    private static Layer layerOrNull(Map<String, GraphVertex> vertices, String name) {
        return vertices.get(name) instanceof LayerVertex lv ? lv.getLayerConf().getLayer() : null;
    }

    private static Layer layerOf(Map<String, GraphVertex> vertices, String name) {
        Layer layer = layerOrNull(vertices, name);
        if (layer == null) {
            throw new UnsupportedModelException("'" + name + "' is not a layer of this graph (" + kind(vertices, name)
                    + ")");
        }
        return layer;
    }

    private static String kind(Map<String, GraphVertex> vertices, String name) {
        GraphVertex v = vertices.get(name);
        if (v == null) {
            return "no such vertex";
        }
        Layer layer = layerOrNull(vertices, name);
        return layer != null ? layer.getClass().getSimpleName() : v.getClass().getSimpleName();
    }

    /** W is stored [nIn, nOut]; netx wants rows per output neuron. */
    static DenseParams params(ComputationGraph graph, String name) {
        INDArray w = graph.getLayer(name).getParam(DefaultParamInitializer.WEIGHT_KEY).castTo(DataType.DOUBLE);
        INDArray b = graph.getLayer(name).getParam(DefaultParamInitializer.BIAS_KEY);
        int nIn = (int) w.size(0);
        int nOut = (int) w.size(1);
        double[][] weight = new double[nOut][nIn];
        for (int j = 0; j < nOut; j++) {
            for (int i = 0; i < nIn; i++) {
                weight[j][i] = w.getDouble(i, j);
            }
        }
        double[] bias = b == null ? new double[nOut] : b.castTo(DataType.DOUBLE).reshape(nOut).toDoubleVector();
        return new DenseParams(name, weight, bias);
    }
}
