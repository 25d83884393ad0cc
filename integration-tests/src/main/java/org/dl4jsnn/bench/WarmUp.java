package org.dl4jsnn.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * When a configuration's untimed warm-up may stop: after at least {@code minimum} iterations, once the
 * iteration time has settled (the median of the last {@link #WINDOW} iterations within {@link #TOLERANCE}
 * of the median of the {@link #WINDOW} before them), or when the warm-up has used its time budget. A fixed
 * count was not enough: the first rows of a run (FWD at batch 1,000 above all) were timed while the JIT was
 * still compiling the vector code and read 4-5x their steady cost (docs/design.md section 7).
 */
public final class WarmUp {

    public static final int WINDOW = 5;
    public static final double TOLERANCE = 0.10;

    private final int minimum;
    private final double budgetMs;
    private final List<Double> ms = new ArrayList<>();
    private double spentMs;

    /**
     * @param minimum  iterations to run at least (0: no warm-up at all)
     * @param budgetMs stop once this much time is spent, settled or not
     */
    public WarmUp(int minimum, double budgetMs) {
        if (minimum < 0) {
            throw new IllegalArgumentException("minimum must be >= 0, got " + minimum);
        }
        if (!(budgetMs > 0)) {
            throw new IllegalArgumentException("budgetMs must be > 0, got " + budgetMs);
        }
        this.minimum = minimum;
        this.budgetMs = budgetMs;
    }

    public void record(double iterationMs) {
        ms.add(iterationMs);
        spentMs += iterationMs;
    }

    /** Whether to run another warm-up iteration. */
    public boolean needsMore() {
        if (minimum == 0 || spentMs >= budgetMs) {
            return false;
        }
        return ms.size() < minimum || !settled();
    }

    /** Whether the last two windows' medians agree within the tolerance. */
    public boolean settled() {
        int n = ms.size();
        if (n < 2 * WINDOW) {
            return false;
        }
        double last = median(n - WINDOW, n);
        double before = median(n - 2 * WINDOW, n - WINDOW);
        return Math.abs(last - before) <= TOLERANCE * before;
    }

    public int iterations() {
        return ms.size();
    }

    private double median(int from, int to) {
        double[] v = ms.subList(from, to).stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
