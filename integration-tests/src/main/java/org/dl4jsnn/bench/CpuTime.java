package org.dl4jsnn.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time of the calling thread. ND4J runs its ops on the calling thread when it has one OpenMP
 * thread (as the benchmark sets), so this counts the whole iteration; unlike wall time it does not grow
 * when other jobs take turns on the cores.
 */
public final class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTime() {
    }

    public static boolean available() {
        return THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    }

    /** Nanoseconds of CPU time this thread has used; 0 when the JVM does not measure it. */
    public static long threadNanos() {
        return available() ? THREADS.getCurrentThreadCpuTime() : 0L;
    }
}
