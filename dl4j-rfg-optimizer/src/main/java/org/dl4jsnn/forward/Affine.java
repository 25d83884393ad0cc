package org.dl4jsnn.forward;

import org.dl4jsnn.kernel.DenseProducts;

/**
 * y = x W^T + b on plain arrays, and its tangent ydot = xdot W^T + x V_W^T + V_b: the JVP of every dense
 * connection (spiking synapses at one step, dense layers, readouts).
 */
public final class Affine {

    private Affine() {
    }

    /**
     * out[r][j] (+)= bias[bOff + j] + sum_i x[r][i] wT[i][j], with wT = W^T as [nIn][nOut].
     *
     * <p>The spiking layer's kernel computes its current with the same {@link DenseProducts#affine}, so both
     * paths see the same currents bit for bit; a zero input (no spike, the common case) costs nothing.
     *
     * @param bias null for no bias
     */
    public static void apply(double[] x, int rows, int nIn, double[] wT, double[] bias, int bOff, int nOut,
                             double[] out, boolean accumulate) {
        DenseProducts.affine(x, 0, rows, nIn, wT, bias, bOff, nOut, out, 0, accumulate);
    }

    /**
     * The primal y and the tangent of every direction that can be nonzero: perturbed by this layer's
     * parameters or carried in by the input.
     */
    public static Value jvp(Value x, ParamTangents p, int nOut) {
        return jvpInto(x, p, nOut, new double[x.rows() * nOut], new double[p.directionCount()][]);
    }

    /**
     * Like {@link #jvp}, writing into {@code y} and {@code tangentBuffers} (missing buffers are created and
     * kept there): the sweep calls this at every time step, and reusing the buffers spares the allocator
     * and the collector gigabytes per iteration at large batch and K.
     */
    public static Value jvpInto(Value x, ParamTangents p, int nOut, double[] y, double[][] tangentBuffers) {
        int rows = x.rows();
        int nIn = x.cols();
        apply(x.primal(), rows, nIn, p.weightsTransposed(nIn, nOut), p.params(), p.biasOffset(), nOut, y, false);
        double[][] tangents = new double[p.directionCount()][];
        for (int k = 0; k < tangents.length; k++) {
            boolean own = p.perturbs(k);
            boolean carried = x.hasTangent(k);
            if (!own && !carried) {
                continue;
            }
            if (tangentBuffers[k] == null) {
                tangentBuffers[k] = new double[rows * nOut];
            }
            double[] yd = tangentBuffers[k];
            if (own) {
                apply(x.primal(), rows, nIn, p.directionTransposed(k, nIn, nOut), p.directions()[k], p.biasOffset(),
                        nOut, yd, false);
            }
            if (carried) {
                apply(x.tangents()[k], rows, nIn, p.weightsTransposed(nIn, nOut), null, 0, nOut, yd, own);
            }
            tangents[k] = yd;
        }
        return new Value(rows, nOut, y, tangents);
    }

    /**
     * {@link #jvp} for a dense layer (a readout of time-averaged rates, dense input): the same numbers bit
     * for bit up to the sign of a zero (bias first, then the inputs in order, each a separate multiply and
     * add; {@link #apply} skips zero inputs where this adds their zero products), computed as
     * batch-innermost products by {@link DenseProducts#columns}, whose SIMD vector of outputs stays in a
     * register over the inputs. The row-wise {@link #apply} loads and stores each output once per input; on
     * the DeepONet's 32 x 32 readouts at batch 1,000 it took 17% of an RFG-L iteration (JFR).
     */
    public static Value denseJvp(Value x, ParamTangents p, int nOut) {
        int rows = x.rows();
        int nIn = x.cols();
        int w = p.weightOffset();
        int b = p.biasOffset();
        double[] xT = DenseProducts.transpose(x.primal(), 0, rows, nIn);
        double[] yT = new double[nOut * rows];
        DenseProducts.columns(p.params(), w, nOut, nIn, xT, 0, rows, p.params(), b, yT, 0, false);
        double[][] tangents = new double[p.directionCount()][];
        for (int k = 0; k < tangents.length; k++) {
            boolean own = p.perturbs(k);
            boolean carried = x.hasTangent(k);
            if (!own && !carried) {
                continue;
            }
            double[] ydT = new double[nOut * rows];
            if (own) {
                double[] v = p.directions()[k];
                DenseProducts.columns(v, w, nOut, nIn, xT, 0, rows, v, b, ydT, 0, false);
            }
            if (carried) {
                DenseProducts.columns(p.params(), w, nOut, nIn, DenseProducts.transpose(x.tangents()[k], 0, rows, nIn),
                        0, rows, null, 0, ydT, 0, own);
            }
            tangents[k] = DenseProducts.transpose(ydT, 0, nOut, rows);
        }
        return new Value(rows, nOut, DenseProducts.transpose(yT, 0, nOut, rows), tangents);
    }
}
