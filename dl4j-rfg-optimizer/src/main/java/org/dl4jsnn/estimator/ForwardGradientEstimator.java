package org.dl4jsnn.estimator;

import java.util.List;
import java.util.SplittableRandom;
import org.dl4jsnn.forward.ForwardGraph;
import org.dl4jsnn.forward.ForwardGraph.ParamSegment;
import org.dl4jsnn.forward.ForwardSweep;
import org.dl4jsnn.forward.Value;
import org.dl4jsnn.surrogate.CounterNoise;

/**
 * The randomized forward gradient: draw directions v, get dL.v exactly from one forward sweep with all
 * directions stacked, and estimate the gradient as the average of (dL.v) v. Knows nothing about spikes.
 */
public final class ForwardGradientEstimator {

    private final RfgSettings settings;

    public ForwardGradientEstimator(RfgSettings settings) {
        this.settings = settings;
    }

    public RfgSettings settings() {
        return settings;
    }

    /** A gradient estimate of the minibatch-summed loss, with what the sweep measured. */
    public record Estimate(double[] gradient, ForwardSweep.Result sweep) {
    }

    /** The stacked directions of one iteration and the layer each is confined to (-1: all). */
    public record Directions(double[][] vectors, int[] segment) {
    }

    public Directions directions(ForwardGraph graph, int parameterCount, long iteration) {
        SplittableRandom rng = new SplittableRandom(CounterNoise.derive(settings.seed(), iteration));
        int k = settings.directions();
        List<ParameterGroup> groups = groups(graph);
        double[][] v = new double[k * groups.size()][parameterCount];
        int[] seg = new int[v.length];
        if (settings.perturbation() == Perturbation.GLOBAL
                && settings.distribution() != DirectionDistribution.ORTHOGONAL) {
            // direction by direction, layer by layer: the draw order of every earlier run
            for (int d = 0; d < k; d++) {
                seg[d] = -1;
                DirectionSampler.fill(settings.distribution(), v, d, 1, groups.get(0), rng);
            }
            return new Directions(v, seg);
        }
        for (int g = 0; g < groups.size(); g++) {
            ParameterGroup group = groups.get(g);
            for (int d = 0; d < k; d++) {
                seg[g * k + d] = group.segment();
            }
            DirectionSampler.fill(settings.distribution(), v, g * k, k, group, rng);
        }
        return new Directions(v, seg);
    }

    /**
     * The groups each drawing K directions: every parameter at once for GLOBAL, the settings' grouping
     * (by default one group per layer) for LAYERWISE.
     */
    public List<ParameterGroup> groups(ForwardGraph graph) {
        if (settings.perturbation() == Perturbation.LAYERWISE) {
            return settings.grouping().groups(graph);
        }
        List<ParamSegment> segments = graph.segments();
        int[] starts = new int[segments.size()];
        int[] lengths = new int[segments.size()];
        for (int s = 0; s < starts.length; s++) {
            starts[s] = segments.get(s).offset();
            lengths[s] = segments.get(s).length();
        }
        return List.of(new ParameterGroup(-1, starts, lengths));
    }

    /** How many tangents one sweep carries: K per group. */
    public int tangentCount(ForwardGraph graph) {
        return settings.directions() * groups(graph).size();
    }

    /**
     * Estimates the gradient at {@code params} for one minibatch.
     *
     * @throws NonFiniteGradientException if the loss or a directional derivative is not finite
     */
    public Estimate estimate(ForwardGraph graph, double[] params, List<Value> inputs, List<double[]> labels,
                             long networkSeed, long iteration) {
        Directions dirs = directions(graph, params.length, iteration);
        ForwardSweep.Result r = ForwardSweep.run(graph, params, dirs.vectors(), dirs.segment(), inputs, labels,
                networkSeed, iteration);
        if (!Double.isFinite(r.loss())) {
            throw new NonFiniteGradientException("RFG iteration " + iteration + ": the loss is " + r.loss()
                    + "; training stopped before the weights were touched (lower the learning rate?)");
        }
        double[] g = new double[params.length];
        double inv = 1.0 / settings.directions();
        for (int d = 0; d < dirs.vectors().length; d++) {
            double ldot = r.lossTangents()[d];
            if (!Double.isFinite(ldot)) {
                throw new NonFiniteGradientException("RFG iteration " + iteration + ": the directional derivative"
                        + " of direction " + d + " is " + ldot + "; training stopped before the weights were touched");
            }
            double[] v = dirs.vectors()[d];
            double scale = ldot * inv;
            for (int e = 0; e < g.length; e++) {
                g[e] += scale * v[e];
            }
        }
        return new Estimate(g, r);
    }
}
