package org.dl4jsnn.forward;

import java.util.Arrays;
import java.util.List;

/** Row slices and concatenations of {@link Value}s: how a minibatch's chunks are cut out and put back. */
final class ValueRows {

    private ValueRows() {
    }

    /** Rows [from, from + n) of x, tangents included (a null tangent stays null). */
    static Value slice(Value x, int from, int n) {
        if (from == 0 && n == x.rows()) {
            return x;
        }
        int c = x.cols();
        double[][] t = new double[x.directions()][];
        for (int k = 0; k < t.length; k++) {
            double[] xt = x.tangents()[k];
            t[k] = xt == null ? null : Arrays.copyOfRange(xt, from * c, (from + n) * c);
        }
        return new Value(n, c, Arrays.copyOfRange(x.primal(), from * c, (from + n) * c), t);
    }

    /** The parts stacked row after row, in list order; a tangent null in some parts is zero there. */
    static Value concat(List<Value> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int cols = parts.get(0).cols();
        int directions = parts.get(0).directions();
        int rows = 0;
        for (Value v : parts) {
            rows += v.rows();
        }
        double[] primal = new double[rows * cols];
        double[][] t = new double[directions][];
        int at = 0;
        for (Value v : parts) {
            int len = v.rows() * cols;
            System.arraycopy(v.primal(), 0, primal, at, len);
            for (int k = 0; k < directions; k++) {
                if (v.tangents()[k] != null) {
                    if (t[k] == null) {
                        t[k] = new double[rows * cols];
                    }
                    System.arraycopy(v.tangents()[k], 0, t[k], at, len);
                }
            }
            at += len;
        }
        return new Value(rows, cols, primal, t);
    }
}
