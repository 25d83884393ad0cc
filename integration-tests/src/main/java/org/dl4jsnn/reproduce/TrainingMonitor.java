package org.dl4jsnn.reproduce;

import java.util.List;
import org.deeplearning4j.optimize.api.TrainingListener;

/**
 * Receives training progress from a {@link TaskRunner}. Calls are cheap; implementations throttle
 * their own output, so a runner may call {@link #update} every iteration.
 */
public interface TrainingMonitor {

    /**
     * @param split where the errors passed to {@link #update} are measured (shown as "test" or "val")
     * @param startIteration iterations already done (non-zero when resuming from a checkpoint)
     */
    void start(String runLabel, EvaluationSplit split, int totalIterations, int startIteration);

    /** @param testErrorOrNaN the latest held-out error (of the split) if evaluated at this iteration, else NaN */
    void update(int iteration, double loss, double testErrorOrNaN);

    void finish();

    /**
     * DL4J listeners to attach to the network of the run last {@link #start started}, for example the
     * training UI's (--ui). Called after {@link #start}; most monitors attach none.
     */
    default List<TrainingListener> listeners() {
        return List.of();
    }

    /** A monitor that shows nothing, for tests and nested runs. */
    static TrainingMonitor silent() {
        return new TrainingMonitor() {
            @Override
            public void start(String runLabel, EvaluationSplit split, int totalIterations, int startIteration) {
            }

            @Override
            public void update(int iteration, double loss, double testErrorOrNaN) {
            }

            @Override
            public void finish() {
            }
        };
    }
}
