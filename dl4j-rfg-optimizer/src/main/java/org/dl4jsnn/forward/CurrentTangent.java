package org.dl4jsnn.forward;

import java.util.ArrayList;
import java.util.List;

/**
 * The activity-perturbation hook of one spiking layer over one chunk of the minibatch: adds u_t to the
 * current tangents of the rows that perturb this layer, and keeps what the weight estimate needs once the
 * per-example loss tangents Ldot_b are known (docs/design.md section 3):
 *
 * <pre>
 *   dL/dW ~ sum_b Ldot_b sum_t u_{b,t} s_{b,t}^T,    dL/db ~ sum_b Ldot_b sum_t u_{b,t}
 * </pre>
 *
 * where s_t is the layer's input at step t. Unbiased: E[u u^T] = I and the tangent of L_b along a current
 * perturbation u is dL_b/dI . u. The inputs and u are kept per step (for a static input only sum_t u_t),
 * so unlike weight perturbation this memory grows with T.
 */
public final class CurrentTangent {

    private final CurrentTangentSource source;
    private final int[] rows;
    private final int nOut;
    private final int first;
    private final int batch;
    private final int totalRows;
    private final int weightOffset;
    private final int biasOffset;
    private int nIn = -1;
    /** per row: u_t of every step ([j][b]), or for a static input one sum over the steps */
    private final List<List<double[]>> currents = new ArrayList<>();
    /** the input of every step as [i][b]; for a static input only its Value ([b][i]) */
    private final List<double[]> inputs = new ArrayList<>();
    private Value staticInput;
    private final double[][] injected;

    /**
     * @param rows      the direction rows that perturb this layer's current
     * @param first     the minibatch index of this chunk's first example
     * @param totalRows the rows of the whole minibatch this layer sees
     */
    public CurrentTangent(CurrentTangentSource source, int[] rows, int nOut, int first, int batch, int totalRows,
                          int weightOffset, int biasOffset, int directionCount) {
        this.source = source;
        this.rows = rows.clone();
        this.nOut = nOut;
        this.first = first;
        this.batch = batch;
        this.totalRows = totalRows;
        this.weightOffset = weightOffset;
        this.biasOffset = biasOffset;
        this.injected = new double[directionCount][];
        for (int ignored : this.rows) {
            currents.add(new ArrayList<>());
        }
    }

    /** The tangents of a step driven by a static input: {@code idots} with u_t added on this layer's rows. */
    public double[][] inject(int t, Value input, double[][] idots) {
        if (staticInput == null) {
            staticInput = input;
            nIn = input.cols();
        }
        return inject(t, idots, true);
    }

    /** The tangents of a step driven by the previous layer's spikes, recording them. */
    public double[][] inject(int t, StepValue input, double[][] idots) {
        nIn = input.width();
        inputs.add(input.primal().clone());
        return inject(t, idots, false);
    }

    private double[][] inject(int t, double[][] idots, boolean summed) {
        double[][] out = idots.clone();
        int n = nOut * batch;
        for (int r = 0; r < rows.length; r++) {
            int k = rows[r];
            double[] u = new double[n];
            source.fill(k, t, first, batch, nOut, u);
            List<double[]> kept = currents.get(r);
            if (!summed) {
                kept.add(u);
            } else if (kept.isEmpty()) {
                kept.add(u.clone());
            } else {
                add(kept.get(0), u);
            }
            if (injected[k] == null) {
                injected[k] = new double[n];
            }
            double[] idot = injected[k];
            System.arraycopy(u, 0, idot, 0, n);
            if (idots[k] != null) {
                add(idot, idots[k]);
            }
            out[k] = idot;
        }
        return out;
    }

    private static void add(double[] into, double[] x) {
        for (int e = 0; e < into.length; e++) {
            into[e] += x[e];
        }
    }

    /** The minibatch rows this layer sees (a per-example loss tangent must have as many). */
    public int totalRows() {
        return totalRows;
    }

    /** The direction rows this hook perturbs. */
    public int[] rows() {
        return rows.clone();
    }

    /**
     * Adds {@code scale} times this chunk's share of the estimate of row {@code rows()[r]} to {@code gradient}.
     *
     * @param exampleTangents Ldot_b for every row b of the whole minibatch ({@link #totalRows()} of them)
     */
    public void accumulate(int r, double[] exampleTangents, double scale, double[] gradient) {
        if (exampleTangents.length != totalRows) {
            throw new IllegalArgumentException("expected " + totalRows + " per-example loss tangents, got "
                    + exampleTangents.length);
        }
        if (nIn < 0) {
            return;
        }
        double[] weighted = new double[batch * nOut];
        // gradient of W^T as [i][j]: a spike (s = 1) adds a contiguous row, silence costs nothing
        double[] gwT = new double[nIn * nOut];
        double[] gb = new double[nOut];
        List<double[]> us = currents.get(r);
        for (int step = 0; step < us.size(); step++) {
            double[] u = us.get(step);
            for (int j = 0; j < nOut; j++) {
                for (int b = 0; b < batch; b++) {
                    double w = exampleTangents[first + b] * u[j * batch + b];
                    weighted[b * nOut + j] = w;
                    gb[j] += w;
                }
            }
            if (staticInput != null) {
                double[] x = staticInput.primal();
                for (int b = 0; b < batch; b++) {
                    for (int i = 0; i < nIn; i++) {
                        axpy(x[b * nIn + i], weighted, b * nOut, gwT, i * nOut, nOut);
                    }
                }
            } else {
                double[] s = inputs.get(step);
                for (int i = 0; i < nIn; i++) {
                    for (int b = 0; b < batch; b++) {
                        axpy(s[i * batch + b], weighted, b * nOut, gwT, i * nOut, nOut);
                    }
                }
            }
        }
        for (int j = 0; j < nOut; j++) {
            gradient[biasOffset + j] += scale * gb[j];
            for (int i = 0; i < nIn; i++) {
                gradient[weightOffset + j * nIn + i] += scale * gwT[i * nOut + j];
            }
        }
    }

    private static void axpy(double a, double[] x, int xOff, double[] y, int yOff, int n) {
        if (a == 0) {
            return;
        }
        for (int e = 0; e < n; e++) {
            y[yOff + e] += a * x[xOff + e];
        }
    }
}
