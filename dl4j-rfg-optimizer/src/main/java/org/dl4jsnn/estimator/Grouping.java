package org.dl4jsnn.estimator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.dl4jsnn.forward.ForwardGraph;
import org.dl4jsnn.forward.ForwardGraph.DenseNode;
import org.dl4jsnn.forward.ForwardGraph.Node;
import org.dl4jsnn.forward.ForwardGraph.ParamSegment;
import org.dl4jsnn.forward.ForwardGraph.SpikingNode;

/**
 * How layer-wise RFG (RFG-L) divides a network's parameters into independently perturbed groups
 * (docs/design.md section 3). By default each layer is one group. A group's estimate
 * {@code (grad_g . v_g) v_g} has variance growing with the group's size, so splitting a group trades
 * one more stacked tangent for less noise:
 *
 * <ul>
 *   <li>{@code biasApart}: the named layers' weights and biases form separate groups. For the
 *       DeepONet's 1-to-1 output {@code u = w0 s + b0} this makes both estimates exact
 *       ({@code v^2 = 1} for a group of one), where one group gives b0 noise of size
 *       {@code |dL/dw0|};</li>
 *   <li>{@code neuronsPerGroup > 0}: every dense or spiking layer with more output neurons is split
 *       into groups of that many neurons (their weight rows, and their biases unless set apart).</li>
 * </ul>
 *
 * Layers of custom vertices, whose parameter layout the estimator does not know, stay whole.
 */
public record Grouping(Set<String> biasApart, int neuronsPerGroup) {

    private static final Grouping BY_LAYER = new Grouping(Set.of(), 0);

    public Grouping {
        biasApart = Set.copyOf(new TreeSet<>(Objects.requireNonNull(biasApart, "biasApart")));
        if (neuronsPerGroup < 0) {
            throw new IllegalArgumentException("neuronsPerGroup must be >= 0 (0: whole layers), got "
                    + neuronsPerGroup);
        }
    }

    /** One group per layer: the paper's RFG-L. */
    public static Grouping byLayer() {
        return BY_LAYER;
    }

    public Grouping withBiasApart(String... layers) {
        Set<String> names = new TreeSet<>(biasApart);
        names.addAll(List.of(layers));
        return new Grouping(names, neuronsPerGroup);
    }

    public Grouping withNeuronsPerGroup(int n) {
        return new Grouping(biasApart, n);
    }

    public boolean isByLayer() {
        return biasApart.isEmpty() && neuronsPerGroup == 0;
    }

    /** The groups of {@code graph}, layer by layer in network order. */
    public List<ParameterGroup> groups(ForwardGraph graph) {
        List<ParamSegment> segments = graph.segments();
        Map<ParamSegment, Node> owner = new HashMap<>();
        for (Node n : graph.nodes()) {
            if (n instanceof SpikingNode s) {
                owner.put(s.segment(), n);
            } else if (n instanceof DenseNode d) {
                owner.put(d.segment(), n);
            }
        }
        List<ParameterGroup> out = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            ParamSegment seg = segments.get(s);
            Node node = owner.get(seg);
            int nOut = node instanceof SpikingNode sp ? sp.nOut() : node instanceof DenseNode d ? d.nOut() : -1;
            if (nOut < 1 || isByLayer()) {
                out.add(ParameterGroup.range(s, seg.offset(), seg.length()));
                continue;
            }
            split(out, s, seg, nOut, biasApart.contains(node.name()));
        }
        return out;
    }

    private void split(List<ParameterGroup> out, int s, ParamSegment seg, int nOut, boolean apart) {
        int weights = seg.biasOffset() - seg.weightOffset();
        int nIn = weights / nOut;
        int chunk = neuronsPerGroup == 0 ? nOut : Math.min(neuronsPerGroup, nOut);
        for (int j0 = 0; j0 < nOut; j0 += chunk) {
            int j1 = Math.min(nOut, j0 + chunk);
            int wStart = seg.weightOffset() + j0 * nIn;
            int wLength = (j1 - j0) * nIn;
            if (apart) {
                out.add(ParameterGroup.range(s, wStart, wLength));
            } else {
                out.add(new ParameterGroup(s, new int[] {wStart, seg.biasOffset() + j0},
                        new int[] {wLength, j1 - j0}));
            }
        }
        if (apart) {
            out.add(ParameterGroup.range(s, seg.biasOffset(), nOut));
        }
    }
}
