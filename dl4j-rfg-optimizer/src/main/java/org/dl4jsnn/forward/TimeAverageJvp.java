package org.dl4jsnn.forward;

import org.dl4jsnn.kernel.PrecisionCasts;

/**
 * Accumulates mean_t(S_t) and mean_t(Sdot_t) step by step: the readout never sees a spike history.
 * Steps arrive batch-innermost ({@link StepValue}); the mean leaves as a {@link Value} [batch][width].
 */
public final class TimeAverageJvp {

    private final int steps;
    private double[] sum;
    private double[][] tangentSums;
    private int width;
    private int batch;
    /** Scratch for a FLOAT network's step widened to double. */
    private double[] widened;

    public TimeAverageJvp(int steps) {
        this.steps = steps;
    }

    public void add(StepValue spikes) {
        start(spikes.width(), spikes.batch(), spikes.directions());
        add(sum, spikes.primal());
        for (int k = 0; k < tangentSums.length; k++) {
            double[] t = spikes.tangents()[k];
            if (t != null) {
                add(tangentSum(k), t);
            }
        }
    }

    /** A FLOAT network's step: summed in double, as {@link #add(StepValue)} sums (0/1 spikes add exactly). */
    public void add(FloatStepValue spikes) {
        start(spikes.width(), spikes.batch(), spikes.directions());
        add(sum, spikes.primal());
        for (int k = 0; k < tangentSums.length; k++) {
            float[] t = spikes.tangents()[k];
            if (t != null) {
                add(tangentSum(k), t);
            }
        }
    }

    private void start(int width, int batch, int directions) {
        if (sum == null) {
            this.width = width;
            this.batch = batch;
            sum = new double[width * batch];
            tangentSums = new double[directions][];
        }
    }

    private double[] tangentSum(int k) {
        if (tangentSums[k] == null) {
            tangentSums[k] = new double[width * batch];
        }
        return tangentSums[k];
    }

    /**
     * Widened first by the SIMD cast, then added: the same sums bit for bit (widening is exact), where the
     * loop converting as it adds does not vectorize (11% of a DeepONet RFG-L iteration in JFR).
     */
    private void add(double[] into, float[] x) {
        if (widened == null) {
            widened = new double[into.length];
        }
        PrecisionCasts.widen(x, widened, into.length);
        add(into, widened);
    }

    private static void add(double[] into, double[] x) {
        for (int e = 0; e < into.length; e++) {
            into[e] += x[e];
        }
    }

    public Value mean() {
        double inv = 1.0 / steps;
        double[] m = sum.clone();
        scale(m, inv);
        double[][] t = new double[tangentSums.length][];
        for (int k = 0; k < t.length; k++) {
            if (tangentSums[k] != null) {
                t[k] = tangentSums[k].clone();
                scale(t[k], inv);
            }
        }
        return new StepValue(width, batch, m, t).toValue();
    }

    private static void scale(double[] x, double s) {
        for (int e = 0; e < x.length; e++) {
            x[e] *= s;
        }
    }
}
