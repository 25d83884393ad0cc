package org.dl4jsnn.reproduce.ui;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.TrainingMonitor;

/**
 * Shows progress as the wrapped monitor does and, in addition, sends each run's DL4J statistics to the
 * training UI as a session named after the run.
 */
public final class UiMonitor implements TrainingMonitor {

    private final TrainingMonitor progress;
    private final TrainingUi ui;
    private final int frequency;
    private String session;

    /** @param frequency collect statistics every this many iterations, >= 1 */
    public UiMonitor(TrainingMonitor progress, TrainingUi ui, int frequency) {
        this.progress = Objects.requireNonNull(progress, "progress");
        this.ui = Objects.requireNonNull(ui, "ui");
        if (frequency < 1) {
            throw new IllegalArgumentException("UI frequency must be >= 1 iteration, got " + frequency);
        }
        this.frequency = frequency;
    }

    @Override
    public void start(String runLabel, EvaluationSplit split, int totalIterations, int startIteration) {
        session = runLabel;
        progress.start(runLabel, split, totalIterations, startIteration);
    }

    @Override
    public void update(int iteration, double loss, double testErrorOrNaN) {
        progress.update(iteration, loss, testErrorOrNaN);
    }

    @Override
    public void finish() {
        progress.finish();
    }

    @Override
    public List<TrainingListener> listeners() {
        if (session == null) {
            throw new IllegalStateException("listeners() before start(): the UI session is named after the run");
        }
        return Stream.concat(progress.listeners().stream(),
                Stream.of(ui.listener(session, frequency))).toList();
    }
}
