package org.dl4jsnn.forward;

import org.dl4jsnn.kernel.DenseProducts;

/**
 * Activity perturbation of a dense layer's pre-activation {@code z = W x + b} (docs/design.md section 3):
 * each row k that perturbs this layer adds u to z's tangent, one entry per (row of the minibatch, output),
 * and the estimate is
 *
 * <pre>
 *   dL/dW ~ sum_b Ldot_b u_b x_b^T,    dL/db ~ sum_b Ldot_b u_b
 * </pre>
 *
 * unbiased since E[u u^T] = I and Ldot_b = dL/dz_b . u_b (row k perturbs nothing else, so x carries no
 * tangent along it). Its noise grows with nOut per row, not with the nOut x nIn weights of a weight-perturbed
 * group. Like {@link CurrentTangent}, u is drawn again for the estimate instead of kept.
 */
public final class PreActivationTangent implements ActivityHook {

    private final CurrentTangentSource source;
    private final int[] rows;
    private final int nOut;
    private final int weightOffset;
    private final int biasOffset;
    private final int batch;
    private final int nIn;
    /** the layer's input as [i][b], batch-innermost as the products want it */
    private final double[] inputColumns;

    public PreActivationTangent(CurrentTangentSource source, int[] rows, Value input, int nOut, int weightOffset,
                                int biasOffset) {
        this.source = source;
        this.rows = rows.clone();
        this.nOut = nOut;
        this.weightOffset = weightOffset;
        this.biasOffset = biasOffset;
        this.batch = input.rows();
        this.nIn = input.cols();
        this.inputColumns = DenseProducts.transpose(input.primal(), 0, batch, nIn);
    }

    /** {@code z} with u added to the tangent of each of this layer's rows (a missing tangent is zero). */
    public Value inject(Value z) {
        if (z.rows() != batch || z.cols() != nOut) {
            throw new IllegalArgumentException("the pre-activation must be " + batch + "x" + nOut + ", got "
                    + z.rows() + "x" + z.cols());
        }
        double[][] tangents = z.tangents().clone();
        double[] u = new double[nOut * batch];
        for (int k : rows) {
            source.fill(k, 0, 0, batch, nOut, u);
            double[] zd = tangents[k] == null ? new double[batch * nOut] : tangents[k].clone();
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < nOut; j++) {
                    zd[b * nOut + j] += u[j * batch + b];
                }
            }
            tangents[k] = zd;
        }
        return new Value(batch, nOut, z.primal(), tangents);
    }

    @Override
    public int[] rows() {
        return rows.clone();
    }

    @Override
    public int totalRows() {
        return batch;
    }

    @Override
    public void accumulate(int r, double[] rowTangents, double scale, double[] gradient) {
        if (rowTangents.length != batch) {
            throw new IllegalArgumentException("expected " + batch + " per-row loss tangents, got "
                    + rowTangents.length);
        }
        double[] weighted = new double[nOut * batch];
        source.fill(rows[r], 0, 0, batch, nOut, weighted);
        double[] gw = new double[nOut * nIn];
        for (int j = 0; j < nOut; j++) {
            double sum = 0;
            for (int b = 0; b < batch; b++) {
                double w = rowTangents[b] * weighted[j * batch + b];
                weighted[j * batch + b] = w;
                sum += w;
            }
            gradient[biasOffset + j] += scale * sum;
        }
        DenseProducts.accumulateDots(weighted, 0, nOut, inputColumns, 0, nIn, batch, gw);
        for (int e = 0; e < gw.length; e++) {
            gradient[weightOffset + e] += scale * gw[e];
        }
    }
}
