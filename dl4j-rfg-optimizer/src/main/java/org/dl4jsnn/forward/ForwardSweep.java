package org.dl4jsnn.forward;

import java.util.ArrayList;
import java.util.List;
import org.dl4jsnn.forward.ForwardGraph.AverageNode;
import org.dl4jsnn.forward.ForwardGraph.CustomNode;
import org.dl4jsnn.forward.ForwardGraph.DenseNode;
import org.dl4jsnn.forward.ForwardGraph.InputNode;
import org.dl4jsnn.forward.ForwardGraph.LossNode;
import org.dl4jsnn.forward.ForwardGraph.Node;
import org.dl4jsnn.forward.ForwardGraph.ParamSegment;
import org.dl4jsnn.forward.ForwardGraph.Phase;
import org.dl4jsnn.forward.ForwardGraph.SpikingNode;
import org.dl4jsnn.surrogate.NoiseSeeds;

/**
 * One forward-mode pass: the loss and its derivative along every stacked tangent direction, with no
 * backward pass. Time runs in the outer loop, so each spiking layer keeps only its current membrane and
 * tangents: memory does not grow with T.
 */
public final class ForwardSweep {

    /** What one sweep measured. {@code lossTangents[k]} = dL.v_k, L summed over the minibatch. */
    public record Result(double loss, double[] lossTangents, Value[] outputs, long spikes, long neuronSteps) {

        public double spikeRate() {
            return neuronSteps == 0 ? 0 : spikes / (double) neuronSteps;
        }
    }

    private ForwardSweep() {
    }

    /**
     * @param params           the flat parameter vector
     * @param directions       K tangent directions, each as long as params
     * @param directionSegment for each direction, the index (into graph.segments()) of the only layer it
     *                         perturbs, or -1 when it perturbs all of them
     * @param inputs           one Value per network input (tangents all null)
     * @param labels           one row-major array per network output
     * @param networkSeed      with {@code iteration}, fixes a stochastic surrogate's noise (see NoiseSeeds)
     */
    public static Result run(ForwardGraph graph, double[] params, double[][] directions, int[] directionSegment,
                             List<Value> inputs, List<double[]> labels, long networkSeed, long iteration) {
        List<Node> nodes = graph.nodes();
        int count = nodes.size();
        int steps = graph.steps();
        Value[] values = new Value[count];
        SpikingDenseJvp[] spiking = new SpikingDenseJvp[count];
        TimeAverageJvp[] averages = new TimeAverageJvp[count];
        ParamTangents[] paramViews = new ParamTangents[count];
        List<ParamSegment> segments = graph.segments();

        for (int n = 0; n < count; n++) {
            Node node = nodes.get(n);
            paramViews[n] = paramsOf(node, segments, params, directions, directionSegment);
            if (node instanceof SpikingNode s) {
                spiking[n] = new SpikingDenseJvp(s.neuron(), s.nOut(), s.steps(),
                        NoiseSeeds.forLayer(networkSeed, iteration, s.layerIndex()), paramViews[n]);
            } else if (node instanceof AverageNode) {
                averages[n] = new TimeAverageJvp(steps);
            }
        }
        // static pieces: once
        for (int n = 0; n < count; n++) {
            if (graph.phase(n) == Phase.STATIC) {
                values[n] = evaluate(nodes.get(n), values, paramViews[n], inputs);
            }
        }
        // spiking pieces: step by step; the readout accumulates
        StepValue[] current = new StepValue[count];
        for (int t = 0; t < steps; t++) {
            for (int n = 0; n < count; n++) {
                Node node = nodes.get(n);
                if (spiking[n] != null) {
                    int in = node.inputs()[0];
                    boolean constant = graph.phase(in) == Phase.STATIC;
                    current[n] = constant ? spiking[n].step(t, values[in]) : spiking[n].step(t, current[in]);
                } else if (averages[n] != null) {
                    averages[n].add(current[node.inputs()[0]]);
                }
            }
        }
        long spikes = 0;
        long neuronSteps = 0;
        for (SpikingDenseJvp s : spiking) {
            if (s != null) {
                spikes += s.spikeCount();
                neuronSteps += s.neuronSteps();
            }
        }
        // readout pieces: once
        double loss = 0;
        double[] lossTangents = new double[directions.length];
        Value[] outputs = new Value[graph.outputCount()];
        for (int n = 0; n < count; n++) {
            if (graph.phase(n) != Phase.READOUT) {
                continue;
            }
            Node node = nodes.get(n);
            values[n] = averages[n] != null ? averages[n].mean() : evaluate(node, values, paramViews[n], inputs);
            int labelIndex = node instanceof DenseNode d ? d.labelIndex()
                    : node instanceof LossNode l ? l.labelIndex() : -1;
            if (labelIndex >= 0) {
                double[] l = MseLossJvp.sumLoss(values[n], labels.get(labelIndex));
                loss += l[0];
                for (int k = 0; k < lossTangents.length; k++) {
                    lossTangents[k] += l[1 + k];
                }
                outputs[labelIndex] = values[n];
            }
        }
        return new Result(loss, lossTangents, outputs, spikes, neuronSteps);
    }

    private static Value evaluate(Node node, Value[] values, ParamTangents p, List<Value> inputs) {
        if (node instanceof InputNode in) {
            return inputs.get(in.inputIndex());
        }
        if (node instanceof DenseNode d) {
            return d.activation().apply(Affine.jvp(values[d.inputs()[0]], p, d.nOut()));
        }
        if (node instanceof LossNode l) {
            Value x = values[l.inputs()[0]];
            return l.activation().apply(new Value(x.rows(), x.cols(), x.primal().clone(), copy(x.tangents())));
        }
        if (node instanceof CustomNode c) {
            List<Value> in = new ArrayList<>(c.inputs().length);
            for (int i : c.inputs()) {
                in.add(values[i]);
            }
            return c.rule().apply(in, p);
        }
        throw new IllegalStateException("no static evaluation for " + node.name());
    }

    private static double[][] copy(double[][] tangents) {
        double[][] c = new double[tangents.length][];
        for (int k = 0; k < c.length; k++) {
            c[k] = tangents[k] == null ? null : tangents[k].clone();
        }
        return c;
    }

    private static ParamTangents paramsOf(Node node, List<ParamSegment> segments, double[] params,
                                          double[][] directions, int[] directionSegment) {
        ParamSegment seg = node instanceof SpikingNode s ? s.segment()
                : node instanceof DenseNode d ? d.segment()
                : node instanceof CustomNode c ? c.segment() : null;
        if (seg == null) {
            return null;
        }
        int index = segments.indexOf(seg);
        boolean[] active = new boolean[directions.length];
        for (int k = 0; k < active.length; k++) {
            // a frozen layer (index -1) is perturbed by no direction
            active[k] = index >= 0 && (directionSegment[k] < 0 || directionSegment[k] == index);
        }
        return new ParamTangents(params, directions, seg.weightOffset(), seg.biasOffset(), active);
    }
}
