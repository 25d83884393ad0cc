package org.dl4jsnn.reproduce.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.dl4jsnn.arbiter.run.ProgressText;
import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.TrainingMonitor;

/**
 * Progress as one plain ASCII line every few seconds: readable in log files and CI output, where a
 * redrawn bar turns into noise.
 */
public final class LogLineMonitor implements TrainingMonitor {

    private EvaluationSplit split = EvaluationSplit.TEST;
    private final PrintWriter out;
    private final long intervalNanos;
    private final LongSupplier nanoClock;

    private String label;
    private int total;
    private int startIteration;
    private long startNanos;
    private long lastPrintNanos;
    private int iteration;
    private double loss = Double.NaN;
    private double lastTestError = Double.NaN;
    private boolean running;

    public LogLineMonitor(PrintWriter out, Duration interval) {
        this(out, interval, System::nanoTime);
    }

    /** @param nanoClock a monotonic clock; tests pass a fake one */
    public LogLineMonitor(PrintWriter out, Duration interval, LongSupplier nanoClock) {
        this.out = out;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public void start(String runLabel, EvaluationSplit split, int totalIterations, int startIteration) {
        this.split = split;
        this.label = runLabel;
        this.total = totalIterations;
        this.startIteration = startIteration;
        this.iteration = startIteration;
        this.startNanos = nanoClock.getAsLong();
        this.lastPrintNanos = startNanos;
        this.lastTestError = Double.NaN;
        this.running = true;
        out.printf(Locale.ROOT, "[%s] %s %d iterations%n", label,
                startIteration > 0 ? "resuming at " + startIteration + " of" : "starting", totalIterations);
        out.flush();
    }

    @Override
    public void update(int iteration, double loss, double testErrorOrNaN) {
        this.iteration = iteration;
        this.loss = loss;
        if (!Double.isNaN(testErrorOrNaN)) {
            lastTestError = testErrorOrNaN;
        }
        long now = nanoClock.getAsLong();
        if (now - lastPrintNanos >= intervalNanos) {
            lastPrintNanos = now;
            print(now, false);
        }
    }

    @Override
    public void finish() {
        if (!running) {
            return;
        }
        running = false;
        print(nanoClock.getAsLong(), true);
    }

    private void print(long now, boolean done) {
        Duration elapsed = Duration.ofNanos(now - startNanos);
        int doneIters = iteration - startIteration;
        StringBuilder line = new StringBuilder();
        line.append(String.format(Locale.ROOT, "[%s] iter %d/%d (%3.0f%%) %s", label, iteration, total,
                100.0 * iteration / Math.max(1, total), MetricsText.metrics(loss, lastTestError, split)));
        line.append(" | elapsed ").append(ProgressText.duration(elapsed.toMillis()));
        if (done) {
            line.append(" | done");
        } else if (doneIters > 0) {
            double secondsPerIter = elapsed.toNanos() / 1e9 / doneIters;
            line.append(String.format(Locale.ROOT, " | %.1f it/s | ETA %s", 1 / secondsPerIter,
                    ProgressText.duration((long) (secondsPerIter * (total - iteration) * 1000))));
        }
        out.println(line);
        out.flush();
    }
}
