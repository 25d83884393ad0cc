package org.dl4jsnn.estimator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.dl4jsnn.surrogate.CounterNoise;

/**
 * Which tangent directions one RFG iteration stacks, and their values: the one place that knows the
 * layout, shared by the DL4J networks and the SameDiff trainer so both draw the same directions.
 *
 * <p>Each parameter group draws K directions, confined to the group; rows are group-major (row
 * {@code g K + d} is direction d of group g). Global perturbation has one group spanning every
 * parameter; layer-wise perturbation has the groups of the settings' {@link Grouping} (one per layer by
 * default). The values of iteration i come from one generator seeded by (RFG seed, i) alone, so a run
 * resumed at iteration i draws what an uninterrupted run would have (docs/design.md section 3).
 *
 * <p>Activity perturbation: the groups of the layers in {@code currentSegments} (spiking layers, and dense
 * ones unless {@link ActivityLayers#SPIKING}) draw no parameter direction; their K rows perturb the
 * layer's input current (a dense layer's pre-activation) by u, one entry per (example, neuron, step; step 0
 * for a dense layer), addressed by (RFG seed, iteration, row, step, example, neuron) alone
 * ({@link #fillCurrent}), so any batch chunking and a resumed run see the same u.
 *
 * @param groups          the groups each drawing K directions, in draw order
 * @param currentSegments the segments whose rows perturb currents (empty unless ACTIVITY)
 */
public record DirectionLayout(RfgSettings settings, List<ParameterGroup> groups, Set<Integer> currentSegments) {

    public DirectionLayout(RfgSettings settings, List<ParameterGroup> groups) {
        this(settings, groups, Set.of());
    }

    public DirectionLayout {
        Objects.requireNonNull(currentSegments, "currentSegments");
        if (!currentSegments.isEmpty() && settings.perturbation() != Perturbation.ACTIVITY) {
            throw new IllegalArgumentException("only activity perturbation perturbs currents; got "
                    + settings.perturbation() + " with current segments " + currentSegments);
        }
        currentSegments = Set.copyOf(currentSegments);
        Objects.requireNonNull(settings, "settings");
        if (groups == null || groups.isEmpty()) {
            throw new IllegalArgumentException("a direction layout needs at least one parameter group");
        }
        if (settings.perturbation() == Perturbation.GLOBAL && groups.size() != 1) {
            throw new IllegalArgumentException("global perturbation draws over one group spanning every parameter, got "
                    + groups.size() + " groups");
        }
        groups = List.copyOf(groups);
    }

    /**
     * The layout over a network's layers: the layers themselves for layer-wise perturbation, their union
     * (segment -1) for global perturbation.
     *
     * @param layers one group per layer with parameters, in parameter order
     */
    public static DirectionLayout ofLayers(RfgSettings settings, List<ParameterGroup> layers) {
        if (settings.perturbation() == Perturbation.ACTIVITY) {
            throw new IllegalArgumentException("activity perturbation needs to know the spiking layers; this"
                    + " trainer supports RFG-G and RFG-L only");
        }
        if (settings.perturbation() == Perturbation.LOCAL_GUIDED) {
            throw new IllegalArgumentException("local-guided directions need the local heads' gradients; this"
                    + " trainer supports RFG-G and RFG-L only");
        }
        if (settings.perturbation() == Perturbation.LAYERWISE) {
            return new DirectionLayout(settings, layers);
        }
        List<Integer> starts = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        for (ParameterGroup layer : layers) {
            for (int r = 0; r < layer.starts().length; r++) {
                starts.add(layer.starts()[r]);
                lengths.add(layer.lengths()[r]);
            }
        }
        return new DirectionLayout(settings, List.of(new ParameterGroup(-1,
                starts.stream().mapToInt(Integer::intValue).toArray(),
                lengths.stream().mapToInt(Integer::intValue).toArray())));
    }

    /** How many directions are stacked: K per group. */
    public int count() {
        return settings.directions() * groups.size();
    }

    /** The index of the group stacked direction {@code row} is confined to, or -1 when it spans all. */
    public int groupOf(int row) {
        if (row < 0 || row >= count()) {
            throw new IndexOutOfBoundsException("direction row must be in [0, " + count() + "), got " + row);
        }
        return settings.perturbation() == Perturbation.GLOBAL ? -1 : row / settings.directions();
    }

    /** The forward graph's segment (layer) that direction {@code row} perturbs, or -1 for all of them. */
    public int segmentOf(int row) {
        int g = groupOf(row);
        return g < 0 ? -1 : groups.get(g).segment();
    }

    /** True when stacked row {@code row} perturbs its layer's input current, not parameters. */
    public boolean perturbsCurrent(int row) {
        int g = groupOf(row);
        return g >= 0 && currentSegments.contains(groups.get(g).segment());
    }

    /**
     * u_t of a current row for examples {@code first ..} of the minibatch, as [j][b] (see
     * {@link org.dl4jsnn.forward.CurrentTangentSource#fill}), independently per (row, step, example, neuron)
     * from the settings' distribution, by {@link CurrentDraws}: Rademacher signs 64 to a hash, Gaussians one
     * hash each.
     */
    public void fillCurrent(long iteration, int row, int t, int first, int batch, int nOut, double[] into) {
        long stream = currentStream(iteration, row, t);
        if (settings.distribution() == DirectionDistribution.GAUSSIAN) {
            CurrentDraws.gaussians(stream, first, batch, nOut, into);
        } else {
            CurrentDraws.signs(stream, first, batch, nOut, into);
        }
    }

    /**
     * {@link #fillCurrent} rounded to float, for a FLOAT network's sweep: the same signs exactly, the same
     * Gaussians to float's round-off.
     */
    public void fillCurrent(long iteration, int row, int t, int first, int batch, int nOut, float[] into) {
        long stream = currentStream(iteration, row, t);
        if (settings.distribution() == DirectionDistribution.GAUSSIAN) {
            CurrentDraws.gaussians(stream, first, batch, nOut, into);
        } else {
            CurrentDraws.signs(stream, first, batch, nOut, into);
        }
    }

    private long currentStream(long iteration, int row, int t) {
        if (!perturbsCurrent(row)) {
            throw new IllegalArgumentException("direction row " + row + " perturbs parameters, not a current");
        }
        return CounterNoise.derive(CounterNoise.derive(CounterNoise.derive(settings.seed(), iteration), 0xAC7L + row),
                t);
    }

    /**
     * The stacked directions of {@code iteration}, each as long as the flat parameter vector; entries
     * outside a direction's group are zero (all of a current row's).
     */
    public double[][] draw(int parameterCount, long iteration) {
        for (ParameterGroup g : groups) {
            for (int r = 0; r < g.starts().length; r++) {
                if (g.starts()[r] + g.lengths()[r] > parameterCount) {
                    throw new IllegalArgumentException("group " + g + " runs past the " + parameterCount
                            + " parameters");
                }
            }
        }
        SplittableRandom rng = new SplittableRandom(CounterNoise.derive(settings.seed(), iteration));
        int k = settings.directions();
        double[][] v = new double[count()][parameterCount];
        if (settings.perturbation() == Perturbation.GLOBAL
                && settings.distribution() != DirectionDistribution.ORTHOGONAL) {
            // direction by direction: the draw order of every earlier run
            for (int d = 0; d < k; d++) {
                DirectionSampler.fill(settings.distribution(), v, d, 1, groups.get(0), rng);
            }
            return v;
        }
        for (int g = 0; g < groups.size(); g++) {
            if (currentSegments.contains(groups.get(g).segment())) {
                continue;
            }
            DirectionSampler.fill(settings.distribution(), v, g * k, k, groups.get(g), rng);
        }
        return v;
    }
}
