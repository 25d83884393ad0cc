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
import org.dl4jsnn.parallel.BatchChunks;
import org.dl4jsnn.parallel.BatchThreads;
import org.dl4jsnn.surrogate.NoiseSeeds;

/**
 * One forward-mode pass: the loss and its derivative along every stacked tangent direction, with no
 * backward pass. Time runs in the outer loop, so each spiking layer keeps only its current membrane and
 * tangents: memory does not grow with T.
 */
public final class ForwardSweep {

    /**
     * What one sweep measured. {@code lossTangents[k]} = dL.v_k, L summed over the minibatch. With current
     * tangents: {@code rowLossTangents[k]} (rows that perturb a current only, else null) holds, for each row
     * of the layer row k perturbs, the loss tangent of the output elements that row feeds ({@link
     * RowLossTangents}; an MLP's rows are its examples), or is null where that mapping is unknown; and
     * {@code currentTangents} the hooks of every spiking layer and chunk, in chunk order, then those of the
     * activity-perturbed dense layers. {@code spikes} and
     * {@code neuronSteps} count the rows swept: a chain run on its input's distinct rows counts those once.
     */
    public record Result(double loss, double[] lossTangents, Value[] outputs, long spikes, long neuronSteps,
                         double[][] rowLossTangents, List<ActivityHook> currentTangents) {

        public Result(double loss, double[] lossTangents, Value[] outputs, long spikes, long neuronSteps) {
            this(loss, lossTangents, outputs, spikes, neuronSteps, null, List.of());
        }

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
        return run(graph, params, directions, directionSegment, inputs, labels, networkSeed, iteration,
                BatchThreads.single());
    }

    /**
     * {@link #run} with the spiking layers' minibatch split over {@code threads}: the result is the same bit
     * for bit for any thread count (the readout and the loss run once, on the whole minibatch).
     */
    public static Result run(ForwardGraph graph, double[] params, double[][] directions, int[] directionSegment,
                             List<Value> inputs, List<double[]> labels, long networkSeed, long iteration,
                             BatchThreads threads) {
        return run(graph, params, directions, directionSegment, inputs, labels, networkSeed, iteration, threads, null);
    }

    /**
     * {@link #run} where the rows {@code currents} claims perturb a spiking layer's input current instead
     * of parameters (activity perturbation; null: none do).
     */
    public static Result run(ForwardGraph graph, double[] params, double[][] directions, int[] directionSegment,
                             List<Value> inputs, List<double[]> labels, long networkSeed, long iteration,
                             BatchThreads threads, CurrentTangentSource currents) {
        List<Node> nodes = graph.nodes();
        int count = nodes.size();
        Value[] values = new Value[count];
        ParamTangents[] paramViews = new ParamTangents[count];
        List<ParamSegment> segments = graph.segments();
        for (int n = 0; n < count; n++) {
            paramViews[n] = paramsOf(nodes.get(n), segments, params, directions, directionSegment, currents);
        }
        // static pieces: once
        List<ActivityHook> denseHooks = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            if (graph.phase(n) == Phase.STATIC) {
                values[n] = evaluate(graph, n, values, paramViews[n], inputs, currents, denseHooks);
            }
        }
        // spiking pieces: chunk by chunk over the minibatch (BatchChunks), step by step within a chunk; a chain
        // whose constant input repeats rows runs on the distinct rows only
        DistinctRows[] distinct = distinctRows(graph, values, currents);
        Value[] swept = values.clone();
        for (int n = 0; n < count; n++) {
            if (distinct[n] != null && nodes.get(n) instanceof SpikingNode) {
                swept[nodes.get(n).inputs()[0]] = distinct[n].distinct();
            }
        }
        int[] rows = spikingRows(graph, swept);
        int chunks = 0;
        for (int r : rows) {
            chunks = Math.max(chunks, r > 0 ? BatchChunks.count(r) : 0);
        }
        List<Chunk> parts = chunks == 0 ? List.of()
                : threads.mapChunks(chunks, c -> spikingChunk(graph, swept, paramViews, rows, c, networkSeed,
                iteration, currents));
        // the fixed order: spike counts and averages combined chunk 0, 1, 2, ...
        long spikes = 0;
        long neuronSteps = 0;
        List<ActivityHook> hooks = new ArrayList<>();
        for (Chunk part : parts) {
            spikes += part.spikes();
            neuronSteps += part.neuronSteps();
            hooks.addAll(part.currentTangents());
        }
        Value[] means = new Value[count];
        for (int n = 0; n < count; n++) {
            if (nodes.get(n) instanceof AverageNode && rows[n] > 0) {
                List<Value> pieces = new ArrayList<>();
                for (int c = 0; c < BatchChunks.count(rows[n]); c++) {
                    pieces.add(parts.get(c).means()[n]);
                }
                means[n] = ValueRows.concat(pieces);
            }
        }
        // readout pieces: once
        double loss = 0;
        double[] lossTangents = new double[directions.length];
        Value[] outputs = new Value[graph.outputCount()];
        // per-example loss tangents (activity perturbation) need the output tangents built
        boolean[] contracted = currents == null ? ContractedLoss.plan(graph) : new boolean[count];
        DistinctRows[] compact = new DistinctRows[count];
        for (int n = 0; n < count; n++) {
            if (graph.phase(n) != Phase.READOUT) {
                continue;
            }
            Node node = nodes.get(n);
            if (means[n] != null) {
                // per distinct row where the chain ran on distinct rows, like the dense layers that follow
                values[n] = means[n];
                compact[n] = distinct[n];
            } else if (node instanceof DenseNode d && d.labelIndex() < 0 && compact[d.inputs()[0]] != null) {
                values[n] = evaluate(graph, n, values, paramViews[n], inputs, currents, denseHooks);
                compact[n] = compact[d.inputs()[0]];
            } else {
                for (int in : node.inputs()) {
                    if (compact[in] != null) {
                        values[in] = compact[in].spread(values[in]);
                        compact[in] = null;
                    }
                }
                values[n] = contracted[n] ? contractingRule(node).primal(inputsOf(node, values), paramViews[n])
                        : evaluate(graph, n, values, paramViews[n], inputs, currents, denseHooks);
            }
            int labelIndex = node instanceof DenseNode d ? d.labelIndex()
                    : node instanceof LossNode l ? l.labelIndex() : -1;
            if (labelIndex >= 0) {
                int src = node.inputs()[0];
                double[] l = node instanceof LossNode && contracted[src]
                        ? ContractedLoss.sumLoss(values[n], labels.get(labelIndex), contractingRule(nodes.get(src)),
                                inputsOf(nodes.get(src), values), paramViews[src])
                        : MseLossJvp.sumLoss(values[n], labels.get(labelIndex));
                loss += l[0];
                for (int k = 0; k < lossTangents.length; k++) {
                    lossTangents[k] += l[1 + k];
                }
                outputs[labelIndex] = values[n];
            }
        }
        double[][] rowTangents = currents == null ? null
                : RowLossTangents.of(graph, values, labels, currents, directions.length);
        hooks.addAll(denseHooks);
        return new Result(loss, lossTangents, outputs, spikes, neuronSteps, rowTangents, List.copyOf(hooks));
    }

    /**
     * For each spiking and average node whose chain starts at a network input with repeated rows, those
     * rows merged (else null). Only where merging cannot change a number: a stochastic surrogate's noise
     * and activity perturbation's current tangents are addressed by the row's minibatch index.
     */
    private static DistinctRows[] distinctRows(ForwardGraph graph, Value[] values, CurrentTangentSource currents) {
        List<Node> nodes = graph.nodes();
        DistinctRows[] out = new DistinctRows[nodes.size()];
        if (currents != null) {
            return out;
        }
        for (Node node : nodes) {
            if (node instanceof SpikingNode s && s.neuron().surrogate().isStochastic()) {
                return out;
            }
        }
        DistinctRows[] byInput = new DistinctRows[nodes.size()];
        for (int n = 0; n < nodes.size(); n++) {
            Node node = nodes.get(n);
            if (!(node instanceof SpikingNode || node instanceof AverageNode)) {
                continue;
            }
            int in = node.inputs()[0];
            if (graph.phase(in) != Phase.STATIC) {
                out[n] = out[in];
            } else if (node instanceof SpikingNode && nodes.get(in) instanceof InputNode && constant(values[in])) {
                if (byInput[in] == null) {
                    byInput[in] = DistinctRows.of(values[in]);
                }
                out[n] = byInput[in].merges() ? byInput[in] : null;
            }
        }
        return out;
    }

    private static boolean constant(Value v) {
        for (double[] t : v.tangents()) {
            if (t != null) {
                return false;
            }
        }
        return true;
    }

    /** What one chunk of the spiking phase produced: each average node's mean over the chunk's rows. */
    private record Chunk(Value[] means, long spikes, long neuronSteps, List<CurrentTangent> currentTangents) {
    }

    /**
     * The minibatch size each spiking and average node sees (0 for other nodes): a spiking node's static
     * input's rows, passed down its chain. Different chains (a SepONet's branch and trunk) may differ.
     */
    private static int[] spikingRows(ForwardGraph graph, Value[] values) {
        List<Node> nodes = graph.nodes();
        int[] rows = new int[nodes.size()];
        for (int n = 0; n < rows.length; n++) {
            Node node = nodes.get(n);
            if (node instanceof SpikingNode || node instanceof AverageNode) {
                int in = node.inputs()[0];
                rows[n] = graph.phase(in) == Phase.STATIC ? values[in].rows() : rows[in];
            }
        }
        return rows;
    }

    /** Runs every spiking and average node over chunk c of its minibatch, all T steps. */
    private static Chunk spikingChunk(ForwardGraph graph, Value[] values, ParamTangents[] paramViews, int[] rows,
                                      int c, long networkSeed, long iteration, CurrentTangentSource currents) {
        List<Node> nodes = graph.nodes();
        int count = nodes.size();
        SpikingDenseJvp[] spiking = new SpikingDenseJvp[count];
        FloatSpikingDenseJvp[] floatSpiking = new FloatSpikingDenseJvp[count];
        TimeAverageJvp[] averages = new TimeAverageJvp[count];
        Value[] staticInputs = new Value[count];
        List<CurrentTangent> hooks = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Node node = nodes.get(n);
            if (rows[n] == 0 || c >= BatchChunks.count(rows[n])) {
                continue;
            }
            int b0 = BatchChunks.start(rows[n], c);
            if (node instanceof SpikingNode s) {
                long noiseSeed = NoiseSeeds.forLayer(networkSeed, iteration, s.layerIndex());
                CurrentTangent hook = currentHook(currents, graph, s, paramViews[n], rows[n], c);
                // the hook works in the kernel's precision: a FLOAT network's sweep stays float
                if (s.floatKernels()) {
                    floatSpiking[n] = new FloatSpikingDenseJvp(s.neuron(), s.nOut(), s.steps(), noiseSeed,
                            paramViews[n], b0);
                    if (hook != null) {
                        floatSpiking[n].injectCurrents(hook);
                    }
                } else {
                    spiking[n] = new SpikingDenseJvp(s.neuron(), s.nOut(), s.steps(), noiseSeed, paramViews[n], b0);
                    if (hook != null) {
                        spiking[n].injectCurrents(hook);
                    }
                }
                if (hook != null) {
                    hooks.add(hook);
                }
                int in = node.inputs()[0];
                if (graph.phase(in) == Phase.STATIC) {
                    staticInputs[n] = ValueRows.slice(values[in], b0, BatchChunks.length(rows[n], c));
                }
            } else if (node instanceof AverageNode) {
                averages[n] = new TimeAverageJvp(graph.steps());
            }
        }
        StepValue[] current = new StepValue[count];
        FloatStepValue[] floatCurrent = new FloatStepValue[count];
        for (int t = 0; t < graph.steps(); t++) {
            for (int n = 0; n < count; n++) {
                int in = nodes.get(n).inputs().length > 0 ? nodes.get(n).inputs()[0] : -1;
                if (spiking[n] != null) {
                    current[n] = staticInputs[n] != null ? spiking[n].step(t, staticInputs[n])
                            : spiking[n].step(t, requireStep(current[in], nodes.get(n)));
                } else if (floatSpiking[n] != null) {
                    floatCurrent[n] = staticInputs[n] != null ? floatSpiking[n].step(t, staticInputs[n])
                            : floatSpiking[n].step(t, requireStep(floatCurrent[in], nodes.get(n)));
                } else if (averages[n] != null) {
                    if (floatCurrent[in] != null) {
                        averages[n].add(floatCurrent[in]);
                    } else {
                        averages[n].add(current[in]);
                    }
                }
            }
        }
        long spikes = 0;
        long neuronSteps = 0;
        Value[] means = new Value[count];
        for (int n = 0; n < count; n++) {
            if (spiking[n] != null) {
                spikes += spiking[n].spikeCount();
                neuronSteps += spiking[n].neuronSteps();
            } else if (floatSpiking[n] != null) {
                spikes += floatSpiking[n].spikeCount();
                neuronSteps += floatSpiking[n].neuronSteps();
            } else if (averages[n] != null) {
                means[n] = averages[n].mean();
            }
        }
        return new Chunk(means, spikes, neuronSteps, hooks);
    }

    /** The activity-perturbation hook of spiking layer {@code s} over chunk c, or null when no row perturbs it. */
    private static CurrentTangent currentHook(CurrentTangentSource currents, ForwardGraph graph, SpikingNode s,
                                              ParamTangents p, int totalRows, int c) {
        if (currents == null) {
            return null;
        }
        int[] mine = currentRows(currents, graph, s.segment(), p.directionCount());
        if (mine.length == 0) {
            return null;
        }
        return new CurrentTangent(currents, mine, s.nOut(),
                BatchChunks.start(totalRows, c), BatchChunks.length(totalRows, c), totalRows, s.steps(),
                s.segment().weightOffset(), s.segment().biasOffset(), p.directionCount());
    }

    /** The direction rows that perturb the current or pre-activation of the layer with parameters {@code seg}. */
    private static int[] currentRows(CurrentTangentSource currents, ForwardGraph graph, ParamSegment seg,
                                     int directionCount) {
        int segment = graph.segments().indexOf(seg);
        List<Integer> mine = new ArrayList<>();
        for (int k = 0; k < directionCount; k++) {
            if (segment >= 0 && currents.perturbsCurrent(k) && currents.segmentOf(k) == segment) {
                mine.add(k);
            }
        }
        return mine.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A spiking layer's step input, which a layer of the other precision would not have produced. */
    private static <V> V requireStep(V input, Node node) {
        if (input == null) {
            throw new IllegalStateException("spiking node '" + node.name() + "' gets spike trains of the other"
                    + " precision: a network's spiking layers must share one data type");
        }
        return input;
    }

    /**
     * Node n's value. A dense layer whose pre-activation some rows perturb (activity perturbation) gets u added
     * there, and its hook joins {@code denseHooks}.
     */
    private static Value evaluate(ForwardGraph graph, int n, Value[] values, ParamTangents p, List<Value> inputs,
                                  CurrentTangentSource currents, List<ActivityHook> denseHooks) {
        Node node = graph.nodes().get(n);
        if (node instanceof DenseNode d) {
            Value x = values[d.inputs()[0]];
            Value z = Affine.denseJvp(x, p, d.nOut());
            int[] mine = currents == null ? new int[0] : currentRows(currents, graph, d.segment(), p.directionCount());
            if (mine.length > 0) {
                PreActivationTangent hook = new PreActivationTangent(currents, mine, x, d.nOut(),
                        d.segment().weightOffset(), d.segment().biasOffset());
                z = hook.inject(z);
                denseHooks.add(hook);
            }
            return d.activation().apply(z);
        }
        if (node instanceof InputNode in) {
            return inputs.get(in.inputIndex());
        }
        if (node instanceof LossNode l) {
            Value x = values[l.inputs()[0]];
            return l.activation().apply(new Value(x.rows(), x.cols(), x.primal().clone(), copy(x.tangents())));
        }
        if (node instanceof CustomNode c) {
            return c.rule().apply(inputsOf(c, values), p);
        }
        throw new IllegalStateException("no static evaluation for " + node.name());
    }

    private static List<Value> inputsOf(Node node, Value[] values) {
        List<Value> in = new ArrayList<>(node.inputs().length);
        for (int i : node.inputs()) {
            in.add(values[i]);
        }
        return in;
    }

    private static ContractingJvpRule contractingRule(Node node) {
        return (ContractingJvpRule) ((CustomNode) node).rule();
    }

    private static double[][] copy(double[][] tangents) {
        double[][] c = new double[tangents.length][];
        for (int k = 0; k < c.length; k++) {
            c[k] = tangents[k] == null ? null : tangents[k].clone();
        }
        return c;
    }

    private static ParamTangents paramsOf(Node node, List<ParamSegment> segments, double[] params,
                                          double[][] directions, int[] directionSegment,
                                          CurrentTangentSource currents) {
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
            active[k] = index >= 0 && (directionSegment[k] < 0 || directionSegment[k] == index)
                    && (currents == null || !currents.perturbsCurrent(k));
        }
        return new ParamTangents(params, directions, seg.weightOffset(), seg.biasOffset(), active);
    }
}
