package org.dl4jsnn.forward;

import java.util.List;
import org.dl4jsnn.forward.ForwardGraph.AverageNode;
import org.dl4jsnn.forward.ForwardGraph.CustomNode;
import org.dl4jsnn.forward.ForwardGraph.DenseNode;
import org.dl4jsnn.forward.ForwardGraph.LossNode;
import org.dl4jsnn.forward.ForwardGraph.Node;
import org.dl4jsnn.forward.ForwardGraph.SpikingNode;

/**
 * The loss tangent of each row of an activity-perturbed layer (a spiking layer's current or a dense layer's
 * pre-activation; docs/design.md section 3): the sum of the per-element loss tangents of exactly the output
 * elements that row feeds. The MSE
 * outputs' element tangents (2/n)(y - y*) ydot are carried back through the readout in reverse order: a
 * dense layer, a time average or a spiking layer keeps its rows, a loss layer its elements, and a custom
 * rule maps them with {@link InputRowTangents}. Where a path's mapping is unknown (a custom rule without
 * it, or a row-level tangent reaching a rule whose output rows hold several elements) the answer is null,
 * and the caller falls back to the summed tangent.
 */
final class RowLossTangents {

    private RowLossTangents() {
    }

    /**
     * For every direction k that perturbs a current, the loss tangent of each row of the layer it perturbs
     * (null where unknown or for other directions). Needs the readout's values with tangents built.
     */
    static double[][] of(ForwardGraph graph, Value[] values, List<double[]> labels, CurrentTangentSource currents,
                         int directions) {
        double[][] out = new double[directions][];
        for (int k = 0; k < directions; k++) {
            if (currents.perturbsCurrent(k)) {
                int target = nodeOf(graph, currents.segmentOf(k));
                out[k] = target < 0 ? null : forDirection(graph, values, labels, k, target);
            }
        }
        return out;
    }

    /** The spiking or dense node whose parameters are {@code segment}, or -1. */
    private static int nodeOf(ForwardGraph graph, int segment) {
        if (segment < 0 || segment >= graph.segments().size()) {
            return -1;
        }
        ForwardGraph.ParamSegment seg = graph.segments().get(segment);
        List<Node> nodes = graph.nodes();
        for (int n = 0; n < nodes.size(); n++) {
            Node node = nodes.get(n);
            if (node instanceof SpikingNode s && s.segment() == seg
                    || node instanceof DenseNode d && d.segment() == seg) {
                return n;
            }
        }
        return -1;
    }

    private static double[] forDirection(ForwardGraph graph, Value[] values, List<double[]> labels, int k,
                                         int target) {
        List<Node> nodes = graph.nodes();
        int count = nodes.size();
        double[][] rowT = new double[count][];
        double[][] elemT = new double[count][];
        boolean[] unknown = new boolean[count];
        for (int n = count - 1; n >= 0; n--) {
            Node node = nodes.get(n);
            int labelIndex = node instanceof DenseNode d ? d.labelIndex()
                    : node instanceof LossNode l ? l.labelIndex() : -1;
            if (labelIndex >= 0) {
                elemT[n] = add(elemT[n], MseLossJvp.elementTangents(values[n], labels.get(labelIndex), k));
            }
            if (n == target) {
                break;
            }
            if (unknown[n]) {
                for (int in : node.inputs()) {
                    unknown[in] = true;
                }
                continue;
            }
            if (elemT[n] == null && rowT[n] == null) {
                continue;
            }
            if (node instanceof LossNode) {
                // an element-wise activation: element e of the output reads element e of the input
                int in = node.inputs()[0];
                elemT[in] = add(elemT[in], elemT[n]);
                rowT[in] = add(rowT[in], rowT[n]);
            } else if (node instanceof DenseNode || node instanceof AverageNode || node instanceof SpikingNode) {
                int in = node.inputs()[0];
                rowT[in] = add(rowT[in], rows(n, values, elemT, rowT));
            } else if (node instanceof CustomNode c && c.rule() instanceof InputRowTangents map) {
                double[] elements = elementsOf(n, values, elemT, rowT);
                if (elements == null) {
                    for (int in : node.inputs()) {
                        unknown[in] = true;
                    }
                    continue;
                }
                double[][] mapped = map.inputRowTangents(inputsOf(node, values), elements);
                for (int i = 0; i < node.inputs().length; i++) {
                    int in = node.inputs()[i];
                    if (mapped[i] != null) {
                        rowT[in] = add(rowT[in], mapped[i]);
                    }
                }
            } else {
                for (int in : node.inputs()) {
                    unknown[in] = true;
                }
            }
        }
        // a dense output layer's own elements count too (a spiking layer has none)
        return unknown[target] ? null : rows(target, values, elemT, rowT);
    }

    /** Node n's row tangents: its element tangents summed over each row, plus those that came as rows. */
    private static double[] rows(int n, Value[] values, double[][] elemT, double[][] rowT) {
        if (elemT[n] == null) {
            return rowT[n];
        }
        int cols = values[n].cols();
        double[] sums = new double[values[n].rows()];
        for (int b = 0; b < sums.length; b++) {
            double s = 0;
            for (int o = 0; o < cols; o++) {
                s += elemT[n][b * cols + o];
            }
            sums[b] = s;
        }
        return add(sums, rowT[n]);
    }

    /** Node n's element tangents, or null when row-level tangents cannot be split over a row's elements. */
    private static double[] elementsOf(int n, Value[] values, double[][] elemT, double[][] rowT) {
        if (rowT[n] != null && values[n].cols() != 1) {
            return null;
        }
        // with one element per row, a row's tangent is its element's
        return add(elemT[n] == null ? null : elemT[n].clone(), rowT[n]);
    }

    private static List<Value> inputsOf(Node node, Value[] values) {
        Value[] in = new Value[node.inputs().length];
        for (int i = 0; i < in.length; i++) {
            in[i] = values[node.inputs()[i]];
        }
        return List.of(in);
    }

    /** into + x, allocating where into is null; either may be null (zero). */
    private static double[] add(double[] into, double[] x) {
        if (x == null) {
            return into;
        }
        if (into == null) {
            return x.clone();
        }
        if (into.length != x.length) {
            throw new IllegalStateException("row tangents of " + into.length + " and " + x.length + " rows meet");
        }
        for (int e = 0; e < into.length; e++) {
            into[e] += x[e];
        }
        return into;
    }
}
