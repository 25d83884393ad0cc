package org.dl4jsnn.bench;

import java.util.Locale;
import java.util.function.Consumer;
import org.dl4jsnn.reproduce.BenchRow;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * This machine's arithmetic peak as the benchmark's yardstick: single-thread SGEMM of two 1024 x 1024
 * float matrices through {@link Nd4j#gemm} (BLAS, not {@code mmul}), measured in the same run as the
 * rows it is compared with, so that load from other jobs affects both alike. Efficiency of a row is
 * its GFLOP/s over this one's.
 */
public final class PeakGemm {

    static final int SIZE = 1024;
    private static final int WARMUP = 3;
    private static final int TIMED = 10;

    private PeakGemm() {
    }

    /** Times C = A B and returns it as a {@link BenchRow#PEAK} row (batch = the matrix size, T = K = 1). */
    public static BenchRow measure(Consumer<String> log) {
        INDArray a = Nd4j.rand(DataType.FLOAT, SIZE, SIZE);
        INDArray b = Nd4j.rand(DataType.FLOAT, SIZE, SIZE);
        INDArray c = Nd4j.createUninitialized(DataType.FLOAT, new long[] {SIZE, SIZE}, 'f');
        double[] wall = new double[TIMED];
        double[] cpu = new double[TIMED];
        for (int i = 0; i < WARMUP + TIMED; i++) {
            long w0 = System.nanoTime();
            long c0 = CpuTime.threadNanos();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            if (i >= WARMUP) {
                wall[i - WARMUP] = (System.nanoTime() - w0) / 1e6;
                cpu[i - WARMUP] = (CpuTime.threadNanos() - c0) / 1e6;
            }
        }
        double mflop = 2.0 * SIZE * SIZE * SIZE / 1e6;
        BenchRow row = new BenchRow("-", BenchRow.PEAK, SIZE, 1, 1, IterationBenchmark.median(wall), mflop, Double.NaN,
                Double.NaN, CpuTime.available() ? IterationBenchmark.median(cpu) : Double.NaN);
        log.accept(String.format(Locale.ROOT, "[bench] PEAK SGEMM %d^2: %.2f ms (cpu %.2f ms), %.1f GFLOP/s",
                SIZE, row.msPerIter(), row.cpuMsPerIter(), row.gflopPerSecond()));
        return row;
    }
}
