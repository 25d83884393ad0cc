package org.dl4jsnn.reproduce.progress;

import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.TrainingMonitor;

/** A redrawn ASCII progress bar with speed and ETA, for interactive terminals. */
public final class ProgressBarMonitor implements TrainingMonitor {

    private EvaluationSplit split = EvaluationSplit.TEST;
    private ProgressBar bar;
    private double lastTestError = Double.NaN;

    @Override
    public void start(String runLabel, EvaluationSplit split, int totalIterations, int startIteration) {
        this.split = split;
        // startsFrom keeps the ETA honest after a resume: only iterations timed here count
        bar = new ProgressBarBuilder()
                .setTaskName(runLabel)
                .setInitialMax(totalIterations)
                .startsFrom(startIteration, Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .showSpeed()
                .build();
    }

    @Override
    public void update(int iteration, double loss, double testErrorOrNaN) {
        if (!Double.isNaN(testErrorOrNaN)) {
            lastTestError = testErrorOrNaN;
        }
        bar.stepTo(iteration);
        bar.setExtraMessage(" " + MetricsText.metrics(loss, lastTestError, split));
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
