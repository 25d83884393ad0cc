package org.dl4jsnn.reproduce.report;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.dl4jsnn.reproduce.MethodRun;
import org.dl4jsnn.reproduce.MethodSpec;

/**
 * One row of the report's table: a method's runs over all seeds. Means propagate NaN, so a diverged
 * seed shows instead of being averaged away.
 *
 * @param stdRelL2 sample standard deviation (n - 1); NaN with a single seed
 * @param meanGlobalRelL2 mean over seeds of the global (pooled) relative L2 error; NaN if not measured
 */
record MethodSummary(MethodSpec method, int seeds, double meanRelL2, double stdRelL2, OptionalDouble paper,
                     double meanIterations, double meanWallSeconds, double meanMsPerIter, double meanSpikeRate,
                     double meanGlobalRelL2) {

    static MethodSummary of(MethodSpec method, List<MethodRun> runs, PaperTargets targets) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs of " + method.label());
        }
        return new MethodSummary(method, runs.size(), mean(runs, MethodRun::relL2), std(runs, MethodRun::relL2),
                targets.of(method), mean(runs, MethodRun::iterations), mean(runs, MethodRun::wallSeconds),
                mean(runs, MethodRun::msPerIter), mean(runs, MethodRun::spikeRate),
                mean(runs, MethodRun::globalRelL2));
    }

    /** True when the global error was measured and is not simply the same number as rel. L2. */
    boolean hasDistinctGlobalError() {
        return Double.isFinite(meanGlobalRelL2) && Math.abs(meanGlobalRelL2 - meanRelL2) > 1e-12 * meanRelL2;
    }

    /** Mean over seeds divided by the paper's number; NaN without one. */
    double ratioToPaper() {
        return paper.isPresent() ? meanRelL2 / paper.getAsDouble() : Double.NaN;
    }

    /** True when there is a paper number and the mean is at or below it. */
    boolean meetsPaper() {
        return paper.isPresent() && meanRelL2 <= paper.getAsDouble();
    }

    /** The mean of f over the runs; NaN if any is. */
    static double mean(List<MethodRun> runs, ToDoubleFunction<MethodRun> f) {
        double sum = 0;
        for (MethodRun r : runs) {
            sum += f.applyAsDouble(r);
        }
        return sum / runs.size();
    }

    private static double std(List<MethodRun> runs, ToDoubleFunction<MethodRun> f) {
        if (runs.size() < 2) {
            return Double.NaN;
        }
        double m = mean(runs, f);
        double ss = 0;
        for (MethodRun r : runs) {
            double d = f.applyAsDouble(r) - m;
            ss += d * d;
        }
        return Math.sqrt(ss / (runs.size() - 1));
    }
}
