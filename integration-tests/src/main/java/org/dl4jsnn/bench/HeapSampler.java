package org.dl4jsnn.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches the Java heap from a background daemon thread while the training thread runs, in one of two
 * modes.
 *
 * <ul>
 *   <li>{@link #polling}: reads the heap in use every interval. Cheap (well under a microsecond), so it
 *   can run beside the timed iterations, but "in use" includes garbage not yet collected: its peak is
 *   mostly the young generation's size, which the collector chooses.</li>
 *   <li>{@link #collecting}: runs a full collection every interval and reads what the collector kept
 *   (each heap pool's usage right after it, from {@link MemoryPoolMXBean#getCollectionUsage()}), i.e.
 *   the live heap at that moment. The maximum over the samples is a lower bound of the peak live heap,
 *   tight when the samples are dense enough. It stops the world, so it never runs beside a timed
 *   iteration.</li>
 * </ul>
 *
 * <p>Why not {@code MemoryPoolMXBean.resetPeakUsage()} and {@code getPeakUsage()}: the eden pool's
 * peak is simply its capacity once any allocation fills it, and summing the pools' peaks adds maxima
 * from different moments; both measure the collector's sizing rather than what an iteration holds.
 */
final class HeapSampler implements AutoCloseable {

    private final boolean collect;
    private final long intervalNanos;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long maxBytes;
    private volatile int samples;

    private HeapSampler(boolean collect, long intervalNanos) {
        this.collect = collect;
        this.intervalNanos = Math.max(intervalNanos, 100_000L);
        this.thread = new Thread(this::loop, collect ? "bench-live-heap" : "bench-heap-poll");
        thread.setDaemon(true);
        thread.start();
    }

    static HeapSampler polling(long intervalMicros) {
        return new HeapSampler(false, TimeUnit.MICROSECONDS.toNanos(intervalMicros));
    }

    static HeapSampler collecting(long intervalMicros) {
        return new HeapSampler(true, TimeUnit.MICROSECONDS.toNanos(intervalMicros));
    }

    /** Heap in use right now, garbage included. */
    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** A full collection, then the live heap it left. */
    static long liveHeap() {
        System.gc();
        return heapAfterLastCollection();
    }

    private static long heapAfterLastCollection() {
        long sum = 0;
        boolean any = false;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP) {
                continue;
            }
            MemoryUsage after = pool.getCollectionUsage();
            if (after != null) {
                sum += after.getUsed();
                any = true;
            }
        }
        return any ? sum : usedHeap();
    }

    private void loop() {
        while (running) {
            record(collect ? liveHeap() : usedHeap());
            LockSupport.parkNanos(intervalNanos);
        }
    }

    private void record(long bytes) {
        if (bytes > maxBytes) {
            maxBytes = bytes;
        }
        samples++;
    }

    int samples() {
        return samples;
    }

    /** Stops the thread (taking no further sample in collecting mode) and returns the largest sample. */
    long stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!collect) {
            record(usedHeap());
        }
        return maxBytes;
    }

    @Override
    public void close() {
        stop();
    }
}
