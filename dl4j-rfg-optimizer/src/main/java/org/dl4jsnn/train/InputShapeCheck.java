package org.dl4jsnn.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.layer.SpikingDenseLayer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Refuses a minibatch that back-propagation would refuse, with back-propagation's message, before the
 * forward sweep reads it: the sweep indexes plain arrays and would otherwise train on garbage or fail
 * with an index error. Also refuses what only the sweep cannot take (spike-train input).
 *
 * <p>Every layer that reads a network input is checked as its own forward pass checks it (a
 * {@code SpikingDense} by its own shape rule, a DL4J layer by DL4J's), and every MSE output's labels
 * as the loss function checks them. Shapes only: no values are read, so the check costs nothing
 * beside the sweep. See docs/design.md section 7.
 */
final class InputShapeCheck {

    /** A layer that reads network input {@code input}. */
    private record Reader(int input, Layer layer) {
    }

    /** An output layer and the label array it is scored against. */
    private record Scored(int label, long nOut, int input) {
    }

    private final List<Reader> readers;
    private final List<Scored> outputs;

    private InputShapeCheck(List<Reader> readers, List<Scored> outputs) {
        this.readers = List.copyOf(readers);
        this.outputs = List.copyOf(outputs);
    }

    static InputShapeCheck of(MultiLayerNetwork net) {
        Layer[] layers = net.getLayers();
        List<Scored> outputs = new ArrayList<>();
        if (layers[layers.length - 1].conf().getLayer() instanceof BaseOutputLayer out) {
            outputs.add(new Scored(0, out.getNOut(), 0));
        }
        return new InputShapeCheck(List.of(new Reader(0, layers[0])), outputs);
    }

    /** Readers in the order the graph's own forward pass visits them, so the first failure is the same. */
    static InputShapeCheck of(ComputationGraph net) {
        ComputationGraphConfiguration conf = net.getConfiguration();
        List<String> inputs = conf.getNetworkInputs();
        List<String> outputNames = conf.getNetworkOutputs();
        List<Reader> readers = new ArrayList<>();
        List<Scored> outputs = new ArrayList<>();
        for (int v : net.topologicalSortOrder()) {
            GraphVertex vertex = net.getVertices()[v];
            if (!vertex.hasLayer()) {
                continue;
            }
            List<String> from = conf.getVertexInputs().get(vertex.getVertexName());
            if (from != null && from.size() == 1 && inputs.contains(from.get(0))) {
                readers.add(new Reader(inputs.indexOf(from.get(0)), vertex.getLayer()));
            }
            int label = outputNames.indexOf(vertex.getVertexName());
            if (label >= 0 && vertex.getLayer().conf().getLayer() instanceof BaseOutputLayer out) {
                outputs.add(new Scored(label, out.getNOut(), 0));
            }
        }
        return new InputShapeCheck(readers, outputs);
    }

    /**
     * @throws DL4JInvalidInputException or {@link IllegalArgumentException} with back-propagation's message
     * @throws UnsupportedOperationException for spike-train input, which only back-propagation takes
     */
    void check(INDArray[] inputs, INDArray[] labels) {
        if (inputs == null || labels == null) {
            throw new IllegalStateException("RFG needs inputs and labels set before computing a gradient");
        }
        for (Reader r : readers) {
            INDArray x = inputs[r.input()];
            checkAsLayerDoes(r.layer(), x);
            if (x.rank() == 3) {
                throw new UnsupportedOperationException("RFG input " + r.input() + " is a spike train "
                        + Arrays.toString(x.shape()) + ": the forward sweep takes direct-current input [batch, nIn]"
                        + " only (one value per input neuron, the same at every time step); spike-train input"
                        + " [batch, nIn, T] trains by back-propagation only (docs/design.md section 7)");
            }
        }
        for (Scored o : outputs) {
            if (o.label() >= labels.length) {
                continue;
            }
            INDArray y = labels[o.label()];
            long[] expected = {rowsLike(inputs, y, o.input()), o.nOut()};
            if (!Arrays.equals(y.shape(), expected)) {
                // the words of ND4J's squared-error losses, which back-propagation reaches with these labels
                throw new IllegalArgumentException("Labels and preOutput must have equal shapes: got shapes "
                        + Arrays.toString(y.shape()) + " vs " + Arrays.toString(expected));
            }
        }
    }

    /**
     * The rows an output should have: a graph's inputs may differ in rows (a per-function DeepONet's branch
     * holds the distinct functions, its trunk and index the pairs), and which of them an output follows is
     * the vertices' business; labels matching some input's rows pass here, and the sweep's loss then checks
     * them against the output itself.
     */
    private static long rowsLike(INDArray[] inputs, INDArray y, int fallback) {
        for (INDArray x : inputs) {
            if (y.rank() > 0 && x.rank() > 0 && x.size(0) == y.size(0)) {
                return x.size(0);
            }
        }
        return inputs[fallback].size(0);
    }

    private static void checkAsLayerDoes(Layer layer, INDArray x) {
        if (layer instanceof SpikingDenseLayer spiking) {
            spiking.shapeOf(x);
            return;
        }
        if (layer.conf().getLayer() instanceof FeedForwardLayer ff) {
            // DL4J's dense layers check rank, then width, in their pre-output; these are their words
            if (x.rank() != 2) {
                throw new DL4JInvalidInputException("Input that is not a matrix; expected matrix (rank 2), got rank "
                        + x.rank() + " array with shape " + Arrays.toString(x.shape())
                        + ". Missing preprocessor or wrong input type? " + layerId(layer));
            }
            if (x.size(1) != ff.getNIn()) {
                throw new DL4JInvalidInputException("Input size (" + x.size(1) + " columns; shape = "
                        + Arrays.toString(x.shape()) + ") is invalid: does not match layer input size (layer # inputs = "
                        + ff.getNIn() + ") " + layerId(layer));
            }
        }
    }

    /** How DL4J names a layer in its messages. */
    private static String layerId(Layer layer) {
        String name = layer.conf().getLayer().getLayerName();
        return "(layer name: " + (name == null ? "\"\"" : name) + ", layer index: " + layer.getIndex()
                + ", layer type: " + layer.getClass().getSimpleName() + ")";
    }
}
