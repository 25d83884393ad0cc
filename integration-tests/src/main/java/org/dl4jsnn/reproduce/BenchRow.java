package org.dl4jsnn.reproduce;

import java.util.Objects;

/**
 * One measured configuration.
 *
 * @param net the network measured: {@value #MEXICAN_HAT} (the default) or an operator network
 * @param method e.g. "BP", "RFG-G", "RFG-L" (rows whose label has a "BP" part are the baseline of
 *     the ratio column)
 * @param mflop floating-point operations per iteration, in millions; NaN if not counted
 * @param peakMemMb peak memory per iteration in MB; NaN if not measured
 * @param spikeRate fraction of neuron-steps that spike (drives synaptic operations on neuromorphic
 *     hardware); NaN if not measured
 * @param cpuMsPerIter CPU time of the training thread per iteration, ms: unlike wall time it does not
 *     grow when other jobs share the cores; NaN if not measured
 */
public record BenchRow(String net, String method, int batch, int timeSteps, int directions, double msPerIter,
                       double mflop, double peakMemMb, double spikeRate, double cpuMsPerIter) {

    /** The method label of the row holding this machine's single-thread SGEMM rate (see {@code PeakGemm}). */
    public static final String PEAK = "PEAK";

    /** The net of rows that name none (the bench measured only the Mexican hat before). */
    public static final String MEXICAN_HAT = "mexican-hat";

    /** A Mexican-hat row. */
    public BenchRow(String method, int batch, int timeSteps, int directions, double msPerIter, double mflop,
                    double peakMemMb, double spikeRate, double cpuMsPerIter) {
        this(MEXICAN_HAT, method, batch, timeSteps, directions, msPerIter, mflop, peakMemMb, spikeRate, cpuMsPerIter);
    }

    /** A Mexican-hat row without CPU time. */
    public BenchRow(String method, int batch, int timeSteps, int directions, double msPerIter, double mflop,
                    double peakMemMb, double spikeRate) {
        this(MEXICAN_HAT, method, batch, timeSteps, directions, msPerIter, mflop, peakMemMb, spikeRate, Double.NaN);
    }

    /** MFLOP per ms of CPU time (of wall time when CPU time was not measured); NaN without a count. */
    public double gflopPerSecond() {
        double ms = Double.isNaN(cpuMsPerIter) ? msPerIter : cpuMsPerIter;
        return ms > 0 ? mflop / ms : Double.NaN;
    }

    public BenchRow {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(method, "method");
        if (net.isBlank()) {
            throw new IllegalArgumentException("net must not be blank");
        }
        if (method.isBlank()) {
            throw new IllegalArgumentException("method must not be blank");
        }
        if (batch <= 0 || timeSteps <= 0 || directions <= 0) {
            throw new IllegalArgumentException("batch, timeSteps and directions must be > 0, got "
                    + batch + ", " + timeSteps + ", " + directions);
        }
        for (double v : new double[] {msPerIter, mflop, peakMemMb, cpuMsPerIter}) {
            if (v < 0 || v == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("costs must be finite and >= 0 (or NaN), got " + v);
            }
        }
        if (spikeRate < 0 || spikeRate > 1) {
            throw new IllegalArgumentException("spikeRate must be in [0, 1] or NaN, got " + spikeRate);
        }
    }
}
