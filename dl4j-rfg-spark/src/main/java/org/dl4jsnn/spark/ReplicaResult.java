package org.dl4jsnn.spark;

import java.io.Serializable;

/**
 * What one replica reports when its barrier task ends.
 *
 * @param partition      the replica's partition
 * @param stageAttempt   the barrier stage's attempt that finished
 * @param resumedFrom    the iteration it started from (a checkpoint's after a retry)
 * @param checksum       a hash of the bits of its parameters and updater state
 * @param exchanged      what it sent in training steps
 * @param millisPerStep  its wall time per training step
 * @param model          the trained model zip (partition 0 only; null otherwise)
 */
public record ReplicaResult(int partition, int stageAttempt, long resumedFrom, long checksum,
                            ExchangeCount exchanged, double millisPerStep, byte[] model) implements Serializable {
}
