package org.dl4jsnn.estimator;

import java.util.List;
import java.util.SplittableRandom;
import org.dl4jsnn.surrogate.CounterNoise;

/**
 * Which tangent directions one RFG iteration stacks, and their values: the one place that knows the
 * layout, shared by the DL4J networks and the SameDiff trainer so both draw the same directions.
 *
 * <p>Global perturbation stacks K directions over all parameters. Layer-wise perturbation stacks K per
 * parameter group, group-major (row {@code g K + d} is direction d of group g), each confined to its
 * group. The values of iteration i come from one generator seeded by (RFG seed, i) alone, so a run
 * resumed at iteration i draws what an uninterrupted run would have (docs/design.md section 3).
 *
 * @param groups how many parameter groups (layers) the parameters form
 */
public record DirectionLayout(RfgSettings settings, int groups) {

    /** A parameter group: {@code length} consecutive entries of the flat parameter vector. */
    public record Group(int offset, int length) {
        public Group {
            if (offset < 0 || length < 0) {
                throw new IllegalArgumentException("a parameter group needs offset >= 0 and length >= 0, got offset "
                        + offset + ", length " + length);
            }
        }
    }

    public DirectionLayout {
        java.util.Objects.requireNonNull(settings, "settings");
        if (groups < 1) {
            throw new IllegalArgumentException("groups must be >= 1, got " + groups);
        }
    }

    /** How many directions are stacked: K, or K per group. */
    public int count() {
        return settings.perturbation() == Perturbation.GLOBAL ? settings.directions()
                : settings.directions() * groups;
    }

    /** The group stacked direction {@code row} is confined to, or -1 when it spans all groups. */
    public int groupOf(int row) {
        if (row < 0 || row >= count()) {
            throw new IndexOutOfBoundsException("direction row must be in [0, " + count() + "), got " + row);
        }
        return settings.perturbation() == Perturbation.GLOBAL ? -1 : row / settings.directions();
    }

    /**
     * The stacked directions of {@code iteration}, each as long as the flat parameter vector; entries
     * outside a direction's group (and outside every group) are zero.
     */
    public double[][] draw(List<Group> parameterGroups, int parameterCount, long iteration) {
        if (parameterGroups.size() != groups) {
            throw new IllegalArgumentException("the layout has " + groups + " parameter groups, got "
                    + parameterGroups.size());
        }
        for (Group g : parameterGroups) {
            if (g.offset() + g.length() > parameterCount) {
                throw new IllegalArgumentException("group " + g + " runs past the " + parameterCount + " parameters");
            }
        }
        SplittableRandom rng = new SplittableRandom(CounterNoise.derive(settings.seed(), iteration));
        double[][] v = new double[count()][parameterCount];
        int k = settings.directions();
        if (settings.perturbation() == Perturbation.GLOBAL) {
            for (int d = 0; d < k; d++) {
                for (Group g : parameterGroups) {
                    fill(v[d], g, rng);
                }
            }
            return v;
        }
        for (int g = 0; g < groups; g++) {
            for (int d = 0; d < k; d++) {
                fill(v[g * k + d], parameterGroups.get(g), rng);
            }
        }
        return v;
    }

    private void fill(double[] v, Group g, SplittableRandom rng) {
        for (int e = g.offset(); e < g.offset() + g.length(); e++) {
            v[e] = settings.distribution().sample(rng);
        }
    }
}
