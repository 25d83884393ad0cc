package org.dl4jsnn.forward;

/**
 * y = x W^T + b on plain arrays, and its tangent ydot = xdot W^T + x V_W^T + V_b: the JVP of every dense
 * connection (spiking synapses at one step, dense layers, readouts).
 */
public final class Affine {

    private Affine() {
    }

    /**
     * out[r][j] = (bias == null ? 0 : bias[bOff + j]) + sum_i x[r][i] w[wOff + j nIn + i] (+= when accumulate).
     */
    public static void apply(double[] x, int rows, int nIn, double[] w, int wOff, double[] bias, int bOff,
                             int nOut, double[] out, boolean accumulate) {
        for (int r = 0; r < rows; r++) {
            int xRow = r * nIn;
            int oRow = r * nOut;
            for (int j = 0; j < nOut; j++) {
                int wRow = wOff + j * nIn;
                double acc = bias == null ? 0.0 : bias[bOff + j];
                for (int i = 0; i < nIn; i++) {
                    acc += x[xRow + i] * w[wRow + i];
                }
                out[oRow + j] = accumulate ? out[oRow + j] + acc : acc;
            }
        }
    }

    /**
     * The primal y and the tangent of every direction that can be nonzero: perturbed by this layer's
     * parameters or carried in by the input.
     */
    public static Value jvp(Value x, ParamTangents p, int nOut) {
        int rows = x.rows();
        int nIn = x.cols();
        double[] y = new double[rows * nOut];
        apply(x.primal(), rows, nIn, p.params(), p.weightOffset(), p.params(), p.biasOffset(), nOut, y, false);
        double[][] tangents = new double[p.directionCount()][];
        for (int k = 0; k < tangents.length; k++) {
            boolean own = p.perturbs(k);
            boolean carried = x.hasTangent(k);
            if (!own && !carried) {
                continue;
            }
            double[] yd = new double[rows * nOut];
            if (own) {
                double[] v = p.directions()[k];
                apply(x.primal(), rows, nIn, v, p.weightOffset(), v, p.biasOffset(), nOut, yd, false);
            }
            if (carried) {
                apply(x.tangents()[k], rows, nIn, p.params(), p.weightOffset(), null, 0, nOut, yd, own);
            }
            tangents[k] = yd;
        }
        return new Value(rows, nOut, y, tangents);
    }
}
