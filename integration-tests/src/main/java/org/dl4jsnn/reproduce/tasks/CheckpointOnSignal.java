package org.dl4jsnn.reproduce.tasks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Saves a checkpoint when the JVM is asked to stop (SIGTERM, Ctrl-C): a shutdown hook raises a flag
 * and waits for the training loop to save at the end of its current iteration, the only point where
 * model, updater and counters agree. The loop then parks until the JVM halts, so nothing after the
 * checkpoint (no report, no record) runs half-way.
 *
 * <p>Installed for one training loop and removed after it. The wait is bounded: an iteration that
 * outlasts {@link #MAX_WAIT} loses only the work since the last periodic checkpoint.
 */
final class CheckpointOnSignal implements AutoCloseable {

    /** Longer than any single iteration measured here (28 s at K = 16, batch 10,000, T = 512). */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final String runLabel;
    private final PrintStream err;
    private final CountDownLatch handled = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;
    private volatile int savedAt = -1;

    private CheckpointOnSignal(String runLabel, PrintStream err) {
        this.runLabel = runLabel;
        this.err = err;
        this.hook = new Thread(this::onShutdown, "dl4j-snn checkpoint on shutdown");
    }

    static CheckpointOnSignal install(String runLabel) {
        CheckpointOnSignal c = new CheckpointOnSignal(runLabel, System.err);
        Runtime.getRuntime().addShutdownHook(c.hook);
        return c;
    }

    /** True once the JVM is shutting down: the loop should save now and stop. */
    boolean requested() {
        return requested;
    }

    /** The loop saved its checkpoint after {@code iteration}; blocks until the JVM halts. */
    void savedAndHalt(int iteration) {
        savedAt = iteration;
        handled.countDown();
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // the JVM is halting; nothing may run after the checkpoint
            }
        }
    }

    private void onShutdown() {
        requested = true;
        err.println("dl4j-snn: stopping: saving a checkpoint of " + runLabel + " at the end of this iteration");
        err.flush();
        try {
            handled.await(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.println(savedAt >= 0
                ? "dl4j-snn: checkpoint of " + runLabel + " saved at iteration " + savedAt
                        + "; rerun the same command with --resume to continue"
                : "dl4j-snn: no checkpoint saved within " + MAX_WAIT.toSeconds() + " s; --resume continues from the"
                        + " last periodic one");
        err.flush();
    }

    /** Removes the hook; a shutdown already under way finds nothing left to wait for. */
    @Override
    public void close() {
        handled.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutdown in progress: the hook runs and returns at once, as the latch is open
        }
    }
}
