package org.dl4jsnn.spark;

import java.io.Serializable;

/**
 * Called in every replica after each training step (for progress, or a test's simulated failure).
 * Runs on the executors, so it must be serializable.
 */
@FunctionalInterface
public interface IterationHook extends Serializable {

    IterationHook NONE = (partition, stageAttempt, iteration) -> { };

    /**
     * @param partition    the replica's partition
     * @param stageAttempt the barrier stage's attempt number (0 for the first, higher after a retry)
     * @param iteration    the network's iteration count after the step
     */
    void afterStep(int partition, int stageAttempt, long iteration);
}
