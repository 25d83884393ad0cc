package org.dl4jsnn.forward;

import org.dl4jsnn.kernel.DenseProducts;

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
 * perturbation u is dL_b/dI . u. The hook serves the double kernel ({@link SpikingDenseJvp}) and the float
 * one ({@link FloatSpikingDenseJvp}), in the kernel's precision, so a FLOAT network's sweep stays float.
 *
 * <p>u itself is not kept: the source is a pure function of (row, step, examples), so the estimate draws
 * it again, in the precision the sweep used. Kept are the inputs of every step (a T-long block in the
 * sweep's precision, filled in place) or, for a static input, sum_t u_t; so unlike weight perturbation
 * this memory grows with T. The buffers are allocated at the first step, none per step. A float sweep's
 * weight estimate is formed in float lanes per step (added up in double), as the float BP kernel forms
 * its weight gradient.
 */
public final class CurrentTangent implements ActivityHook {

    private final CurrentTangentSource source;
    private final int[] rows;
    private final int nOut;
    private final int first;
    private final int batch;
    private final int totalRows;
    private final int steps;
    private final int weightOffset;
    private final int biasOffset;
    private final int directionCount;
    private int nIn = -1;
    /** for a static input: its values as [i][b]; and per row sum_t u_t as [j][b] */
    private double[] staticInput;
    private double[][] summedCurrents;
    /**
     * A static input's current W x + b is the same at every step, so with the source's consent u is drawn once
     * (step 0) and added at every step: per row the noise then grows with nOut, not nOut x T (see
     * {@link CurrentTangentSource#constantForStaticInput}). The step-0 tangent is then handed out again
     * unchanged (the kernel only reads it), and summedCurrents holds that one u.
     */
    private boolean constantInTime;
    /** for spike input: the input of step t as [i][b] at offset t nIn batch, in the sweep's precision */
    private double[] inputs;
    private float[] floatInputs;
    private int recorded;
    /** per direction k: this step's injected tangent; and the tangent array handed back each step */
    private double[][] injected;
    private double[][] out;
    private float[][] injectedFloat;
    private float[][] outFloat;

    /**
     * @param rows      the direction rows that perturb this layer's current
     * @param first     the minibatch index of this chunk's first example
     * @param totalRows the rows of the whole minibatch this layer sees
     * @param steps     the time steps the sweep runs
     */
    public CurrentTangent(CurrentTangentSource source, int[] rows, int nOut, int first, int batch, int totalRows,
                          int steps, int weightOffset, int biasOffset, int directionCount) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        this.source = source;
        this.rows = rows.clone();
        this.nOut = nOut;
        this.first = first;
        this.batch = batch;
        this.totalRows = totalRows;
        this.steps = steps;
        this.weightOffset = weightOffset;
        this.biasOffset = biasOffset;
        this.directionCount = directionCount;
    }

    /** The tangents of a step driven by a static input: {@code idots} with u_t added on this layer's rows. */
    public double[][] inject(int t, Value input, double[][] idots) {
        keepStatic(input);
        return inject(t, idots);
    }

    /** The tangents of a step driven by the previous layer's spikes, recording them. */
    public double[][] inject(int t, StepValue input, double[][] idots) {
        record(t, input.width(), input.batch(), false);
        System.arraycopy(input.primal(), 0, inputs, t * nIn * batch, nIn * batch);
        return inject(t, idots);
    }

    /** {@link #inject(int, Value, double[][])} for the float kernel: u_t drawn in float. */
    public float[][] inject(int t, Value input, float[][] idots) {
        keepStatic(input);
        return inject(t, idots);
    }

    /** {@link #inject(int, StepValue, double[][])} for the float kernel. */
    public float[][] inject(int t, FloatStepValue input, float[][] idots) {
        record(t, input.width(), input.batch(), true);
        System.arraycopy(input.primal(), 0, floatInputs, t * nIn * batch, nIn * batch);
        return inject(t, idots);
    }

    private void keepStatic(Value input) {
        if (staticInput == null) {
            checkBatch(input.rows());
            nIn = input.cols();
            staticInput = StepValue.transpose(input.primal(), input.rows(), input.cols());
            summedCurrents = new double[rows.length][nOut * batch];
            constantInTime = source.constantForStaticInput();
        }
    }

    private void record(int t, int width, int rowsSeen, boolean inFloat) {
        if (t != recorded || t >= steps) {
            throw new IllegalStateException("steps must be injected in order 0.." + (steps - 1) + "; expected "
                    + recorded + ", got " + t);
        }
        if (t == 0) {
            checkBatch(rowsSeen);
            nIn = width;
            if (inFloat) {
                floatInputs = new float[steps * nIn * batch];
            } else {
                inputs = new double[steps * nIn * batch];
            }
        }
        recorded++;
    }

    private void checkBatch(int rowsSeen) {
        if (rowsSeen != batch) {
            throw new IllegalArgumentException("the hook covers " + batch + " examples, the step has " + rowsSeen);
        }
    }

    private double[][] inject(int t, double[][] idots) {
        checkDirections(idots.length);
        if (out == null) {
            out = new double[directionCount][];
            injected = new double[directionCount][];
        }
        System.arraycopy(idots, 0, out, 0, directionCount);
        for (int r = 0; r < rows.length; r++) {
            int k = rows[r];
            if (injected[k] == null) {
                injected[k] = new double[nOut * batch];
            }
            double[] idot = injected[k];
            if (constantInTime && t > 0) {
                // u and the static current's carried tangent are those of step 0: the array already holds them
                out[k] = idot;
                continue;
            }
            source.fill(k, t, first, batch, nOut, idot);
            if (summedCurrents != null) {
                add(summedCurrents[r], idot);
            }
            double[] carried = idots[k];
            if (carried != null) {
                for (int e = 0; e < idot.length; e++) {
                    idot[e] += carried[e];
                }
            }
            out[k] = idot;
        }
        return out;
    }

    private float[][] inject(int t, float[][] idots) {
        checkDirections(idots.length);
        if (outFloat == null) {
            outFloat = new float[directionCount][];
            injectedFloat = new float[directionCount][];
        }
        System.arraycopy(idots, 0, outFloat, 0, directionCount);
        for (int r = 0; r < rows.length; r++) {
            int k = rows[r];
            if (injectedFloat[k] == null) {
                injectedFloat[k] = new float[nOut * batch];
            }
            float[] idot = injectedFloat[k];
            if (constantInTime && t > 0) {
                // u and the static current's carried tangent are those of step 0: the array already holds them
                outFloat[k] = idot;
                continue;
            }
            source.fill(k, t, first, batch, nOut, idot);
            if (summedCurrents != null) {
                double[] sum = summedCurrents[r];
                for (int e = 0; e < idot.length; e++) {
                    sum[e] += idot[e];
                }
            }
            float[] carried = idots[k];
            if (carried != null) {
                for (int e = 0; e < idot.length; e++) {
                    idot[e] += carried[e];
                }
            }
            outFloat[k] = idot;
        }
        return outFloat;
    }

    private void checkDirections(int count) {
        if (count != directionCount) {
            throw new IllegalArgumentException("expected " + directionCount + " stacked tangents, got " + count);
        }
    }

    private static void add(double[] into, double[] x) {
        for (int e = 0; e < into.length; e++) {
            into[e] += x[e];
        }
    }

    @Override
    public int totalRows() {
        return totalRows;
    }

    @Override
    public int[] rows() {
        return rows.clone();
    }

    @Override
    public void accumulate(int r, double[] exampleTangents, double scale, double[] gradient) {
        if (exampleTangents.length != totalRows) {
            throw new IllegalArgumentException("expected " + totalRows + " per-example loss tangents, got "
                    + exampleTangents.length);
        }
        if (nIn < 0) {
            return;
        }
        int n = nOut * batch;
        double[] weighted = new double[n];
        double[] gb = new double[nOut];
        // the gradient of W, row-major [j][i] as the parameters: Y X^T of [j][b] by [i][b] blocks
        double[] gw = new double[nOut * nIn];
        if (staticInput != null) {
            weigh(summedCurrents[r], exampleTangents, weighted, gb);
            DenseProducts.accumulateDots(weighted, 0, nOut, staticInput, 0, nIn, batch, gw);
        } else if (floatInputs != null) {
            // a float sweep's estimate in float lanes, as the layer's float BP kernel forms delta s^T
            float[] u = new float[n];
            float[] weightedFloat = new float[n];
            for (int t = 0; t < recorded; t++) {
                source.fill(rows[r], t, first, batch, nOut, u);
                weigh(u, exampleTangents, weightedFloat, gb);
                DenseProducts.accumulateDots(weightedFloat, 0, nOut, floatInputs, t * nIn * batch, nIn, batch, gw);
            }
        } else {
            double[] u = new double[n];
            for (int t = 0; t < recorded; t++) {
                source.fill(rows[r], t, first, batch, nOut, u);
                weigh(u, exampleTangents, weighted, gb);
                DenseProducts.accumulateDots(weighted, 0, nOut, inputs, t * nIn * batch, nIn, batch, gw);
            }
        }
        for (int j = 0; j < nOut; j++) {
            gradient[biasOffset + j] += scale * gb[j];
            for (int i = 0; i < nIn; i++) {
                gradient[weightOffset + j * nIn + i] += scale * gw[j * nIn + i];
            }
        }
    }

    /** weighted[j][b] = Ldot_b u[j][b], and its sum over b into gb. */
    private void weigh(double[] u, double[] exampleTangents, double[] weighted, double[] gb) {
        for (int j = 0; j < nOut; j++) {
            int row = j * batch;
            double sum = 0;
            for (int b = 0; b < batch; b++) {
                double w = exampleTangents[first + b] * u[row + b];
                weighted[row + b] = w;
                sum += w;
            }
            gb[j] += sum;
        }
    }

    /** {@link #weigh} of a float sweep: the weights rounded to float, their sum over b in double. */
    private void weigh(float[] u, double[] exampleTangents, float[] weighted, double[] gb) {
        for (int j = 0; j < nOut; j++) {
            int row = j * batch;
            double sum = 0;
            for (int b = 0; b < batch; b++) {
                float w = (float) (exampleTangents[first + b] * u[row + b]);
                weighted[row + b] = w;
                sum += w;
            }
            gb[j] += sum;
        }
    }
}
