package org.dl4jsnn.estimator;

import java.util.Arrays;

/**
 * A set of parameters that one layer-wise direction perturbs together: index ranges of the flat
 * parameter vector, all inside one layer (segment {@code segment} of the forward graph, or -1 for a
 * group spanning every layer, as RFG-G's).
 *
 * @param starts  the first index of each range (ranges must not overlap)
 * @param lengths the length of each range, >= 1
 */
public record ParameterGroup(int segment, int[] starts, int[] lengths) {

    public ParameterGroup {
        if (starts.length != lengths.length || starts.length == 0) {
            throw new IllegalArgumentException("a group needs one length per start and at least one range, got "
                    + starts.length + " starts and " + lengths.length + " lengths");
        }
        for (int r = 0; r < starts.length; r++) {
            if (lengths[r] < 1 || starts[r] < 0) {
                throw new IllegalArgumentException("group ranges must be non-empty and non-negative: starts "
                        + Arrays.toString(starts) + ", lengths " + Arrays.toString(lengths));
            }
        }
        starts = starts.clone();
        lengths = lengths.clone();
    }

    public static ParameterGroup range(int segment, int start, int length) {
        return new ParameterGroup(segment, new int[] {start}, new int[] {length});
    }

    /** The number of parameters in the group. */
    public int size() {
        int n = 0;
        for (int l : lengths) {
            n += l;
        }
        return n;
    }

    /** The group's parameter indices, range by range (a fresh array). */
    public int[] indices() {
        int[] out = new int[size()];
        int i = 0;
        for (int r = 0; r < starts.length; r++) {
            for (int e = starts[r]; e < starts[r] + lengths[r]; e++) {
                out[i++] = e;
            }
        }
        return out;
    }

    @Override
    public int[] starts() {
        return starts.clone();
    }

    @Override
    public int[] lengths() {
        return lengths.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterGroup g && g.segment == segment && Arrays.equals(g.starts, starts)
                && Arrays.equals(g.lengths, lengths);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * segment + Arrays.hashCode(starts)) + Arrays.hashCode(lengths);
    }

    @Override
    public String toString() {
        return "ParameterGroup[segment=" + segment + ", starts=" + Arrays.toString(starts) + ", lengths="
                + Arrays.toString(lengths) + "]";
    }
}
