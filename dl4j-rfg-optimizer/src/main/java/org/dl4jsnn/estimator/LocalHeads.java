package org.dl4jsnn.estimator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dl4jsnn.forward.ForwardGraph.CustomNode;
import org.dl4jsnn.forward.ForwardGraph.DenseNode;
import org.dl4jsnn.forward.ForwardGraph.LossNode;
import org.dl4jsnn.forward.ForwardGraph.Node;
import org.dl4jsnn.forward.ForwardGraph.ParamSegment;
import org.dl4jsnn.forward.ForwardGraph.SpikingNode;
import org.dl4jsnn.forward.ForwardGraph;

/**
 * Which layers each local loss guides (docs/design.md section 3). A network's first output is its task
 * loss; every further output is a local head. The layers a head guides are those on its paths back to
 * the nearest spiking layers: the head's own layers and the spiking layers it reads, but nothing below
 * those, since a local loss stops the gradient at its layer's input.
 *
 * @param output   the head's output (label) index, >= 1
 * @param segments indices into {@link ForwardGraph#segments()} of the layers it guides
 */
public record LocalHeads(int output, Set<Integer> segments) {

    public LocalHeads {
        segments = Set.copyOf(new TreeSet<>(segments));
    }

    /**
     * The local heads of {@code graph}, in output order; empty when the network has one output.
     *
     * @throws IllegalArgumentException when two heads reach the same layer (its guide would be ambiguous)
     */
    public static List<LocalHeads> of(ForwardGraph graph) {
        List<Node> nodes = graph.nodes();
        List<ParamSegment> segments = graph.segments();
        Map<Integer, Integer> claimedBy = new HashMap<>();
        List<LocalHeads> heads = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            int label = labelIndex(nodes.get(n));
            if (label < 1) {
                continue;
            }
            Set<Integer> reached = new TreeSet<>();
            Deque<Integer> todo = new ArrayDeque<>(List.of(n));
            Set<Integer> seen = new TreeSet<>();
            while (!todo.isEmpty()) {
                int at = todo.pop();
                if (!seen.add(at)) {
                    continue;
                }
                Node node = nodes.get(at);
                ParamSegment own = segmentOf(node);
                int s = own == null ? -1 : segments.indexOf(own);
                if (s >= 0) {
                    reached.add(s);
                }
                if (!(node instanceof SpikingNode)) {
                    for (int in : node.inputs()) {
                        todo.push(in);
                    }
                }
            }
            for (int s : reached) {
                Integer earlier = claimedBy.putIfAbsent(s, label);
                if (earlier != null) {
                    throw new IllegalArgumentException("layer segment " + s + " feeds local heads " + earlier + " and "
                            + label + "; local-guided directions need one local loss per layer");
                }
            }
            heads.add(new LocalHeads(label, reached));
        }
        heads.sort(Comparator.comparingInt(LocalHeads::output));
        return List.copyOf(heads);
    }

    private static int labelIndex(Node node) {
        if (node instanceof DenseNode d) {
            return d.labelIndex();
        }
        return node instanceof LossNode l ? l.labelIndex() : -1;
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
}
