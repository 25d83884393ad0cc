package org.dl4jsnn.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A fixed number of threads that run a minibatch's chunks ({@link BatchChunks}). The caller's thread works
 * too, so N threads own an executor of N - 1 daemon workers; one thread owns none.
 *
 * <p>This is a runtime setting, not part of a layer's configuration: how many cores a run may use is a
 * property of the machine and the run, not of the model, and it must not change a saved model's JSON or
 * its results (which do not depend on it, see BatchChunks). Whoever creates one closes it.
 */
public final class BatchThreads implements AutoCloseable {

    private static final BatchThreads SINGLE = new BatchThreads(1);

    private final int threads;
    private final ExecutorService workers;

    private BatchThreads(int threads) {
        this.threads = threads;
        if (threads == 1) {
            workers = null;
        } else {
            AtomicInteger id = new AtomicInteger();
            workers = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Thread(r, "dl4j-snn-batch-" + id.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** {@code threads} for a layer's setter, refused early when null (naming the layer and the fix). */
    public static BatchThreads requireForLayer(BatchThreads threads, String layer) {
        if (threads == null) {
            throw new IllegalArgumentException(layer + ": threads must not be null (use BatchThreads.single())");
        }
        return threads;
    }

    /** One thread: everything runs on the caller's thread. Closing it does nothing. */
    public static BatchThreads single() {
        return SINGLE;
    }

    /** @param threads >= 1 */
    public static BatchThreads of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return threads == 1 ? SINGLE : new BatchThreads(threads);
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs {@code perChunk} on every chunk of the batch and returns the results in chunk order. Thread k
     * takes the k-th contiguous run of chunks; a chunk's result does not depend on which thread ran it.
     */
    public <R> List<R> map(int batch, IntFunction<R> perChunk) {
        return mapChunks(BatchChunks.count(batch), perChunk);
    }

    /** {@link #map} over chunks 0 .. chunks - 1, for callers whose inputs have several batch sizes. */
    public <R> List<R> mapChunks(int chunks, IntFunction<R> perChunk) {
        if (chunks < 1) {
            throw new IllegalArgumentException("chunks must be >= 1, got " + chunks);
        }
        List<R> results = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            results.add(null);
        }
        int parts = Math.min(threads, chunks);
        if (parts == 1) {
            for (int c = 0; c < chunks; c++) {
                results.set(c, perChunk.apply(c));
            }
            return results;
        }
        List<Future<?>> pending = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int from = p * chunks / parts;
            int to = (p + 1) * chunks / parts;
            pending.add(workers.submit(() -> runRange(perChunk, from, to, results)));
        }
        runRange(perChunk, 0, chunks / parts, results);
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a batch chunk", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException("a batch chunk failed", cause);
            }
        }
        return results;
    }

    private static <R> void runRange(IntFunction<R> perChunk, int from, int to, List<R> results) {
        for (int c = from; c < to; c++) {
            R r = perChunk.apply(c);
            synchronized (results) {
                results.set(c, r);
            }
        }
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "BatchThreads(" + threads + ")";
    }
}
