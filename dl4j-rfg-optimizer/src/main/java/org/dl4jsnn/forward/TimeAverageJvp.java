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
    /** A FLOAT network's sums (null for a DOUBLE network's). */
    private float[] floatSum;
    private float[][] floatTangentSums;
    private int width;
    private int batch;

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

    /**
     * A FLOAT network's step, summed in float as BP's float TimeAverageLayer sums (0/1 spikes add exactly;
     * a tangent sum of T floats carries float round-off). Widening every step to double sums cost 11% of a
     * DeepONet RFG-L iteration (JFR): the JIT does not vectorize the float-to-double conversion.
     */
    public void add(FloatStepValue spikes) {
        if (floatSum == null) {
            width = spikes.width();
            batch = spikes.batch();
            floatSum = new float[width * batch];
            floatTangentSums = new float[spikes.directions()][];
        }
        add(floatSum, spikes.primal());
        for (int k = 0; k < floatTangentSums.length; k++) {
            float[] t = spikes.tangents()[k];
            if (t != null) {
                if (floatTangentSums[k] == null) {
                    floatTangentSums[k] = new float[width * batch];
                }
                add(floatTangentSums[k], t);
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

    private static void add(float[] into, float[] x) {
        for (int e = 0; e < into.length; e++) {
            into[e] += x[e];
        }
    }

    private static void add(double[] into, double[] x) {
        for (int e = 0; e < into.length; e++) {
            into[e] += x[e];
        }
    }

    public Value mean() {
        if (floatSum != null) {
            sum = widen(floatSum);
            tangentSums = new double[floatTangentSums.length][];
            for (int k = 0; k < tangentSums.length; k++) {
                tangentSums[k] = floatTangentSums[k] == null ? null : widen(floatTangentSums[k]);
            }
        }
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

    private static double[] widen(float[] x) {
        double[] d = new double[x.length];
        PrecisionCasts.widen(x, d, x.length);
        return d;
    }

    private static void scale(double[] x, double s) {
        for (int e = 0; e < x.length; e++) {
            x[e] *= s;
        }
    }
}
