package org.dl4jsnn.bench;

/**
 * One measured (method, batch, T, K) configuration. Costs are per training iteration
 * ({@code net.fit(DataSet)} on one fixed minibatch); NaN when not measured (see {@code status}).
 *
 * @param net            the network: {@value #MEXICAN_HAT}, or an operator network's name
 * @param msPerIter      median wall time of the timed iterations, ms
 * @param msMean         their mean, ms
 * @param iterations     how many iterations were timed
 * @param mflop          the analytic count of {@link FlopCount}, millions of FLOP
 * @param peakMemMb      peak memory an iteration needs beyond the resting network and data: the live
 *                       heap (full collections sampled during untimed probe iterations) plus ND4J's
 *                       off-heap workspaces, MB (10^6 bytes)
 * @param polledHeapMb   peak heap in use during the timed iterations, garbage included, over the
 *                       same resting baseline: depends on the collector's young-generation size
 * @param allocMbPerIter bytes the training thread allocated on the heap per timed iteration, MB
 * @param spikeRate      fraction of neuron-steps that spike, over all spiking layers
 * @param msynop         synaptic operations of an event-driven primal pass (spikes x fan-out), millions
 * @param cpuMsPerIter   median CPU time of the training thread over the timed iterations, ms
 * @param status         "ok", or why the row has no numbers (for example "out of memory")
 */
public record BenchResult(String net, String method, int batch, int timeSteps, int directions, double msPerIter,
                          double msMean, int iterations, double mflop, double peakMemMb, double polledHeapMb,
                          double allocMbPerIter, double spikeRate, double msynop, double cpuMsPerIter,
                          String status) {

    public static final String OK = "ok";
    /** The net of {@link IterationBenchmark}. */
    public static final String MEXICAN_HAT = "mexican-hat";

    public boolean ok() {
        return OK.equals(status);
    }

    /** Achieved arithmetic rate, GFLOP/s (MFLOP per ms). */
    public double gflopPerSecond() {
        return mflop / msPerIter;
    }

    static BenchResult failed(String net, BenchMethod m, int batch, int steps, double mflop, String status) {
        return new BenchResult(net, m.label(), batch, steps, m.directions(), Double.NaN, Double.NaN, 0, mflop,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, status);
    }
}
