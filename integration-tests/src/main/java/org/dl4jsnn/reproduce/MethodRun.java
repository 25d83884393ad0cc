package org.dl4jsnn.reproduce;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of training one method with one seed.
 *
 * @param method the canonical label, {@link MethodSpec#label()}
 * @param relL2 test relative L2 error (docs/design.md section 5; operator tasks: the mean over test
 *     functions of each function's error); NaN if training diverged
 * @param spikeRate fraction of neuron-steps that spike, in [0, 1]; NaN if not measured
 * @param curve training curve, in iteration order
 * @param artifacts predictions for the figures; null when the task has none
 * @param divergence where training was stopped as diverged (then relL2 is NaN); null when it was not
 * @param globalRelL2 the global relative L2 test error, all test functions and points pooled (equal to
 *     relL2 for point tasks); NaN when not measured (validation trials, older records, diverged runs)
 * @param trainingSet the same metrics on the rows the run trained on; null when not measured (as globalRelL2)
 */
public record MethodRun(String method, long seed, int iterations, int batch, double lr, double relL2,
                        double wallSeconds, double msPerIter, double spikeRate,
                        List<TrainingPoint> curve, Artifacts artifacts, Divergence divergence, double globalRelL2,
                        TrainingSetError trainingSet) {

    /** A run whose training-set error was not measured. */
    public MethodRun(String method, long seed, int iterations, int batch, double lr, double relL2,
                     double wallSeconds, double msPerIter, double spikeRate, List<TrainingPoint> curve,
                     Artifacts artifacts, Divergence divergence, double globalRelL2) {
        this(method, seed, iterations, batch, lr, relL2, wallSeconds, msPerIter, spikeRate, curve, artifacts,
                divergence, globalRelL2, null);
    }

    /** A run that did not diverge. */
    public MethodRun(String method, long seed, int iterations, int batch, double lr, double relL2,
                     double wallSeconds, double msPerIter, double spikeRate, List<TrainingPoint> curve,
                     Artifacts artifacts, double globalRelL2) {
        this(method, seed, iterations, batch, lr, relL2, wallSeconds, msPerIter, spikeRate, curve, artifacts, null,
                globalRelL2);
    }

    /** A run stopped as diverged: no error, no artifacts, the curve up to the stop. */
    public static MethodRun diverged(String method, long seed, int iterations, int batch, double lr,
                                     double wallSeconds, double msPerIter, List<TrainingPoint> curve,
                                     Divergence divergence) {
        return new MethodRun(method, seed, iterations, batch, lr, Double.NaN, wallSeconds, msPerIter, Double.NaN,
                curve, null, Objects.requireNonNull(divergence, "divergence"), Double.NaN);
    }

    public boolean hasDiverged() {
        return divergence != null;
    }

    public MethodRun {
        Objects.requireNonNull(method, "method");
        if (method.isBlank()) {
            throw new IllegalArgumentException("method must not be blank");
        }
        if (iterations <= 0 || batch <= 0) {
            throw new IllegalArgumentException("iterations and batch must be > 0, got " + iterations + ", " + batch);
        }
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("lr must be finite and > 0, got " + lr);
        }
        requireNonNegativeOrNaN(relL2, "relL2");
        requireNonNegativeOrNaN(globalRelL2, "globalRelL2");
        requireNonNegativeOrNaN(wallSeconds, "wallSeconds");
        requireNonNegativeOrNaN(msPerIter, "msPerIter");
        if (spikeRate < 0 || spikeRate > 1) {
            throw new IllegalArgumentException("spikeRate must be in [0, 1] or NaN, got " + spikeRate);
        }
        curve = List.copyOf(Objects.requireNonNull(curve, "curve"));
        if (divergence != null && (!Double.isNaN(relL2) || trainingSet != null)) {
            throw new IllegalArgumentException("a diverged run has no error, got relL2 " + relL2
                    + ", training set " + trainingSet);
        }
    }

    /** A run whose global error was not measured. */
    public MethodRun(String method, long seed, int iterations, int batch, double lr, double relL2,
                     double wallSeconds, double msPerIter, double spikeRate, List<TrainingPoint> curve,
                     Artifacts artifacts) {
        this(method, seed, iterations, batch, lr, relL2, wallSeconds, msPerIter, spikeRate, curve, artifacts,
                Double.NaN);
    }

    private static void requireNonNegativeOrNaN(double v, String name) {
        if (v < 0 || v == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be finite and >= 0 (or NaN), got " + v);
        }
    }
}
