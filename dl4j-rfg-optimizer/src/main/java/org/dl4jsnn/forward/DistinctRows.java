package org.dl4jsnn.forward;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The distinct rows of a constant input and, for every row, which distinct row it is. A DeepONet
 * minibatch pairs each input function with many points, so its branch rows repeat: the sweep runs a
 * spiking chain on the distinct rows only and spreads the time averages back (at 1,000 of the Poisson
 * task's 80,000 pairs about 570 distinct functions; at all 80,000, 800).
 *
 * @param distinct the distinct rows, in order of first appearance
 * @param index    for every row of the original, its row in {@code distinct}
 */
record DistinctRows(Value distinct, int[] index) {

    /** The distinct rows of {@code v}, whose tangents must all be null (a constant). */
    static DistinctRows of(Value v) {
        for (double[] t : v.tangents()) {
            if (t != null) {
                throw new IllegalArgumentException("only a constant's rows can be merged; this value has a tangent");
            }
        }
        int rows = v.rows();
        int cols = v.cols();
        double[] p = v.primal();
        Map<Row, Integer> seen = new HashMap<>();
        int[] index = new int[rows];
        int[] firsts = new int[rows];
        for (int r = 0; r < rows; r++) {
            Integer at = seen.putIfAbsent(new Row(p, r * cols, cols), seen.size());
            index[r] = at == null ? seen.size() - 1 : at;
            if (at == null) {
                firsts[index[r]] = r;
            }
        }
        int n = seen.size();
        if (n == rows) {
            return new DistinctRows(v, index);
        }
        double[] d = new double[n * cols];
        for (int u = 0; u < n; u++) {
            System.arraycopy(p, firsts[u] * cols, d, u * cols, cols);
        }
        return new DistinctRows(Value.constant(n, cols, d, v.directions()), index);
    }

    /** True when some rows repeat. */
    boolean merges() {
        return distinct.rows() < index.length;
    }

    /** A value computed per distinct row, as one row per original row (tangents included). */
    Value spread(Value perDistinct) {
        if (!merges()) {
            return perDistinct;
        }
        int cols = perDistinct.cols();
        double[][] t = new double[perDistinct.directions()][];
        for (int k = 0; k < t.length; k++) {
            t[k] = perDistinct.tangents()[k] == null ? null : gather(perDistinct.tangents()[k], cols);
        }
        return new Value(index.length, cols, gather(perDistinct.primal(), cols), t);
    }

    private double[] gather(double[] a, int cols) {
        double[] out = new double[index.length * cols];
        for (int r = 0; r < index.length; r++) {
            System.arraycopy(a, index[r] * cols, out, r * cols, cols);
        }
        return out;
    }

    /** A row of a row-major array, compared by its values' bits (so -0.0 and 0.0 stay apart, NaN equals NaN). */
    private record Row(double[] a, int from, int length) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && Arrays.equals(a, from, from + length, r.a, r.from, r.from + r.length);
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (int e = from; e < from + length; e++) {
                h = 31 * h + Double.hashCode(a[e]);
            }
            return h;
        }
    }
}
