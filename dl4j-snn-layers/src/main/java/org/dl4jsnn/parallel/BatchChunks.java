package org.dl4jsnn.parallel;

/**
 * How a minibatch is cut into contiguous chunks: a function of the batch size alone, never of the thread
 * count. Threads take whole chunks, and every sum over the batch is formed per chunk and then over the
 * chunks in increasing order, so the result is the same bit for bit for any number of threads.
 *
 * <p>A batch of at most {@link #SIZE} examples is one chunk, computed exactly as before threads existed.
 * About 1,000 keeps a chunk's arrays (at width 16 and T = 32, about 2 MB per float trace array) in the
 * last-level cache while leaving batch 10,000 ten chunks to share between threads. The exact size, 1,008,
 * is a multiple of 16 (a whole number of SIMD vectors of floats, so a full chunk has no scalar tail) whose
 * row stride (4,032 bytes in float, 8,064 in double) is not a multiple of 4 KiB: with 1,024 examples the 16
 * input rows a synaptic product reads together lay 4,096 bytes apart, all in the same L1 cache set, and
 * evicted each other (JFR: the products took 2x longer per example at batch 10,000 than at 1,000; see
 * docs/design.md section 7).
 */
public final class BatchChunks {

    /** Examples per chunk (the last chunk may hold fewer). */
    public static final int SIZE = 1008;

    private BatchChunks() {
    }

    public static int count(int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        return (batch + SIZE - 1) / SIZE;
    }

    /** The first example of chunk c. */
    public static int start(int batch, int c) {
        check(batch, c);
        return c * SIZE;
    }

    /** The examples in chunk c. */
    public static int length(int batch, int c) {
        check(batch, c);
        return Math.min(SIZE, batch - c * SIZE);
    }

    private static void check(int batch, int c) {
        int n = count(batch);
        if (c < 0 || c >= n) {
            throw new IllegalArgumentException("chunk must be in [0, " + n + ") for batch " + batch + ", got " + c);
        }
    }

    /**
     * Copies examples [b0, b0 + n) of a batch-innermost [rows][batch] block into a [rows][n] block.
     */
    public static double[] gather(double[] full, int rows, int batch, int b0, int n) {
        double[] part = new double[rows * n];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(full, r * batch + b0, part, r * n, n);
        }
        return part;
    }

    /** The inverse of {@link #gather}: writes a [rows][n] block back at examples [b0, b0 + n). */
    public static void scatter(double[] part, int rows, int n, double[] full, int batch, int b0) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(part, r * n, full, r * batch + b0, n);
        }
    }

    /** {@link #gather} of a float block. */
    public static float[] gather(float[] full, int rows, int batch, int b0, int n) {
        float[] part = new float[rows * n];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(full, r * batch + b0, part, r * n, n);
        }
        return part;
    }

    /** {@link #scatter} of a float block. */
    public static void scatter(float[] part, int rows, int n, float[] full, int batch, int b0) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(part, r * n, full, r * batch + b0, n);
        }
    }
}
