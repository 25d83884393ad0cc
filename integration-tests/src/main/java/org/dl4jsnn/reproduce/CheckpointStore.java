package org.dl4jsnn.reproduce;

import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Durable storage of one opaque checkpoint per run. The runner decides what a payload contains
 * (model, updater state, RNG state, iteration) and saves it every few minutes; the store makes sure
 * a reader never sees a half-written one.
 *
 * <p>Failures to read or write are {@link java.io.UncheckedIOException}; a stored checkpoint that
 * fails its integrity check is a {@link CorruptCheckpointException}.
 */
public interface CheckpointStore {

    /** Replaces the checkpoint of {@code runKey} atomically. */
    void save(String runKey, byte[] payload);

    /** The last saved payload, or empty if there is none. */
    Optional<byte[]> load(String runKey);

    /** Removes the checkpoint if present. */
    void delete(String runKey);

    /**
     * Offered the trained model when a run measured on the test set finishes; ignored by default
     * ({@code reproduce --export} keeps it to export the network).
     */
    default void finished(String runKey, ComputationGraph net) {
    }

    /** How often a runner saves while training: a killed run loses at most this much work. */
    default java.time.Duration interval() {
        return DEFAULT_INTERVAL;
    }

    /** The default of {@link #interval()} and of {@code --checkpoint-every}. */
    java.time.Duration DEFAULT_INTERVAL = java.time.Duration.ofMinutes(2);
}
