package org.dl4jsnn.export;

/**
 * The float parameters of one dense connection, row-major: {@code weight[j][i]} connects input i to
 * output neuron j (the layout netx expects, row = post-synaptic neuron).
 *
 * @param name the DL4J layer (or vertex) name, used in every message about it
 */
public record DenseParams(String name, double[][] weight, double[] bias) {

    public DenseParams {
        if (weight.length == 0 || weight[0].length == 0) {
            throw new IllegalArgumentException("layer '" + name + "': weight must be at least 1 x 1");
        }
        int nIn = weight[0].length;
        for (int j = 0; j < weight.length; j++) {
            if (weight[j].length != nIn) {
                throw new IllegalArgumentException("layer '" + name + "': weight row " + j + " has "
                        + weight[j].length + " entries, row 0 has " + nIn);
            }
            for (int i = 0; i < nIn; i++) {
                requireFinite(name, "weight[" + j + "][" + i + "]", weight[j][i]);
            }
        }
        if (bias.length != weight.length) {
            throw new IllegalArgumentException("layer '" + name + "': bias has " + bias.length
                    + " entries but weight has " + weight.length + " rows");
        }
        for (int j = 0; j < bias.length; j++) {
            requireFinite(name, "bias[" + j + "]", bias[j]);
        }
    }

    private static void requireFinite(String layer, String field, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("layer '" + layer + "': " + field + " is " + v + "; must be finite");
        }
    }

    public int nIn() {
        return weight[0].length;
    }

    public int nOut() {
        return weight.length;
    }

    /** sum_i |w_ji| for the row with the largest one: the most one step of binary input can add. */
    public double maxRowAbsSum() {
        double best = 0;
        for (double[] row : weight) {
            double s = 0;
            for (double w : row) {
                s += Math.abs(w);
            }
            best = Math.max(best, s);
        }
        return best;
    }

    public double maxAbsWeight() {
        double m = 0;
        for (double[] row : weight) {
            for (double w : row) {
                m = Math.max(m, Math.abs(w));
            }
        }
        return m;
    }

    public double maxAbsBias() {
        double m = 0;
        for (double b : bias) {
            m = Math.max(m, Math.abs(b));
        }
        return m;
    }

    /** y = W x + b in double. */
    public double[] apply(double[] x) {
        if (x.length != nIn()) {
            throw new IllegalArgumentException("layer '" + name + "': input has " + x.length + " values, expected "
                    + nIn());
        }
        double[] y = new double[nOut()];
        for (int j = 0; j < y.length; j++) {
            double s = bias[j];
            for (int i = 0; i < x.length; i++) {
                s += weight[j][i] * x[i];
            }
            y[j] = s;
        }
        return y;
    }
}
