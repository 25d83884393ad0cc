package org.dl4jsnn.estimator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dl4jsnn.forward.ForwardGraph.ParamSegment;
import org.dl4jsnn.forward.ForwardGraph;
import org.dl4jsnn.forward.ForwardSweep;
import org.dl4jsnn.forward.Value;
import org.dl4jsnn.parallel.BatchThreads;

/**
 * The randomized forward gradient: draw directions v, get dL.v exactly from one forward sweep with all
 * directions stacked, and estimate the gradient as the average of (dL.v) v. Knows nothing about spikes.
 */
public final class ForwardGradientEstimator {

    private final RfgSettings settings;
    private final BatchThreads threads;
    private final DirectionalDerivativeExchange exchange;

    public ForwardGradientEstimator(RfgSettings settings) {
        this(settings, BatchThreads.single());
    }

    /** @param threads the forward sweep's threads over the minibatch; the estimate does not depend on them */
    public ForwardGradientEstimator(RfgSettings settings, BatchThreads threads) {
        this(settings, threads, DirectionalDerivativeExchange.LOCAL);
    }

    /**
     * @param exchange replaces the measured directional derivatives before the estimate is formed (data
     *                 parallelism, docs/design.md section 9)
     */
    public ForwardGradientEstimator(RfgSettings settings, BatchThreads threads, DirectionalDerivativeExchange exchange) {
        if (threads == null) {
            throw new IllegalArgumentException("threads must not be null (use BatchThreads.single())");
        }
        if (exchange == null) {
            throw new IllegalArgumentException("exchange must not be null (use DirectionalDerivativeExchange.LOCAL)");
        }
        this.settings = settings;
        this.threads = threads;
        this.exchange = exchange;
    }

    public DirectionalDerivativeExchange exchange() {
        return exchange;
    }

    public BatchThreads threads() {
        return threads;
    }

    public RfgSettings settings() {
        return settings;
    }

    /**
     * A gradient estimate of the minibatch-summed loss, with what the sweep measured (the sweep's own
     * directional derivatives, before any exchange).
     */
    public record Estimate(double[] gradient, ForwardSweep.Result sweep) {
    }

    /** The stacked directions of one iteration and the layer each is confined to (-1: all). */
    public record Directions(double[][] vectors, int[] segment) {
    }

    public Directions directions(ForwardGraph graph, int parameterCount, long iteration) {
        DirectionLayout layout = layout(graph);
        double[][] v = layout.draw(parameterCount, iteration);
        int[] seg = new int[v.length];
        for (int row = 0; row < v.length; row++) {
            seg[row] = layout.segmentOf(row);
        }
        return new Directions(v, seg);
    }

    /**
     * The direction layout of a network: one group spanning every parameter for GLOBAL, the settings'
     * grouping (by default one group per layer) for LAYERWISE and LOCAL_GUIDED.
     */
    public DirectionLayout layout(ForwardGraph graph) {
        if (settings.perturbation() == Perturbation.ACTIVITY) {
            return activityLayout(graph);
        }
        if (settings.perturbation() == Perturbation.LAYERWISE
                || settings.perturbation() == Perturbation.LOCAL_GUIDED) {
            return new DirectionLayout(settings, settings.grouping().groups(graph));
        }
        List<ParameterGroup> layers = new ArrayList<>();
        List<ParamSegment> segments = graph.segments();
        for (int s = 0; s < segments.size(); s++) {
            layers.add(ParameterGroup.range(s, segments.get(s).offset(), segments.get(s).length()));
        }
        return DirectionLayout.ofLayers(settings, layers);
    }

    /**
     * Activity perturbation: one group per activity-perturbed layer (its rows perturb the layer's current or
     * pre-activation; the spiking layers, and the dense ones when the settings say so), the settings'
     * grouping for every other layer, in parameter order.
     */
    private DirectionLayout activityLayout(ForwardGraph graph) {
        List<ParamSegment> segments = graph.segments();
        Set<Integer> perturbed = new TreeSet<>();
        boolean dense = settings.activityLayers() != ActivityLayers.SPIKING;
        for (ForwardGraph.Node node : graph.nodes()) {
            ParamSegment seg = node instanceof ForwardGraph.SpikingNode s ? s.segment()
                    : dense && node instanceof ForwardGraph.DenseNode d ? d.segment() : null;
            // a frozen layer is in no segment list entry (index -1): nothing to estimate
            if (seg != null && segments.indexOf(seg) >= 0) {
                perturbed.add(segments.indexOf(seg));
            }
        }
        List<ParameterGroup> groups = new ArrayList<>();
        for (ParameterGroup g : settings.grouping().groups(graph)) {
            if (!perturbed.contains(g.segment())) {
                groups.add(g);
            }
        }
        for (int s : perturbed) {
            groups.add(ParameterGroup.range(s, segments.get(s).offset(), segments.get(s).length()));
        }
        groups.sort(Comparator.comparingInt(ParameterGroup::segment));
        return new DirectionLayout(settings, groups, perturbed);
    }

    /**
     * Estimates the gradient at {@code params} for one minibatch.
     *
     * @throws NonFiniteGradientException if the loss or a directional derivative is not finite
     */
    public Estimate estimate(ForwardGraph graph, double[] params, List<Value> inputs, List<double[]> labels,
                             long networkSeed, long iteration) {
        return estimate(graph, params, inputs, labels, networkSeed, iteration, null);
    }

    /**
     * {@link #estimate} with local-loss guides: required for {@link Perturbation#LOCAL_GUIDED}, whose guided
     * groups are perturbed along their local gradient (docs/design.md section 3), ignored otherwise.
     */
    public Estimate estimate(ForwardGraph graph, double[] params, List<Value> inputs, List<double[]> labels,
                             long networkSeed, long iteration, LocalGuide guide) {
        DirectionLayout layout = layout(graph);
        Directions dirs = directions(graph, params.length, iteration);
        if (settings.perturbation() == Perturbation.LOCAL_GUIDED) {
            if (guide == null) {
                throw new IllegalStateException("local-guided directions need the local losses' gradients; train"
                        + " an RfgComputationGraph whose outputs after the first are local heads");
            }
            guide.applyTo(layout, dirs.vectors(), iteration);
        }
        ActivityPerturbation activity = layout.currentSegments().isEmpty() ? null
                : new ActivityPerturbation(layout, iteration);
        ForwardSweep.Result r = ForwardSweep.run(graph, params, dirs.vectors(), dirs.segment(), inputs, labels,
                networkSeed, iteration, threads, activity);
        if (!Double.isFinite(r.loss())) {
            throw new NonFiniteGradientException("RFG iteration " + iteration + ": the loss is " + r.loss()
                    + "; training stopped before the weights were touched (lower the learning rate?)");
        }
        double[] ldots = exchange.exchange(iteration, r.lossTangents());
        if (ldots == null || ldots.length != dirs.vectors().length) {
            throw new IllegalStateException("the directional-derivative exchange must return " + dirs.vectors().length
                    + " values, got " + (ldots == null ? "null" : ldots.length));
        }
        double[] g = new double[params.length];
        double inv = 1.0 / settings.directions();
        for (int d = 0; d < dirs.vectors().length; d++) {
            double ldot = ldots[d];
            if (!Double.isFinite(ldot)) {
                throw new NonFiniteGradientException("RFG iteration " + iteration + ": the directional derivative"
                        + " of direction " + d + " is " + ldot + "; training stopped before the weights were touched");
            }
            if (activity != null && activity.perturbsCurrent(d)) {
                continue;
            }
            double[] v = dirs.vectors()[d];
            double scale = ldot * inv;
            for (int e = 0; e < g.length; e++) {
                g[e] += scale * v[e];
            }
        }
        if (activity != null) {
            ActivityPerturbation.addEstimate(r, inv, g);
        }
        return new Estimate(g, r);
    }
}
