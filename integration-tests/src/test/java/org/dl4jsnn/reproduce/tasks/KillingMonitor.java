package org.dl4jsnn.reproduce.tasks;

import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.TrainingMonitor;

/** Stands in for a kill in resume tests: stops the run once iteration {@code at} is reported. */
final class KillingMonitor implements TrainingMonitor {

    private final int at;

    private KillingMonitor(int at) {
        this.at = at;
    }

    static TrainingMonitor at(int iteration) {
        return new KillingMonitor(iteration);
    }

    @Override
    public void start(String runLabel, EvaluationSplit split, int totalIterations, int startIteration) {
    }

    @Override
    public void update(int iteration, double loss, double testErrorOrNaN) {
        if (iteration == at) {
            throw new IllegalStateException("killed");
        }
    }

    @Override
    public void finish() {
    }
}
