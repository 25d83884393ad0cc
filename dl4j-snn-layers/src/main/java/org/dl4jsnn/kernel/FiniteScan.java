package org.dl4jsnn.kernel;

/**
 * Whether every element of an array is finite, and if not, where the first NaN or infinity is. Every
 * spiking layer checks its input on each pass; the element-by-element search with an early exit does not
 * vectorize and cost the forward pass 7-10% of its samples (JFR, batch 1,000 and 10,000), so the common
 * case is decided by one SIMD sum and only a non-finite sum searches element by element.
 */
public final class FiniteScan {

    private FiniteScan() {
    }

    /** The index of the first NaN or infinite element of values, or -1 when all are finite. */
    public static int firstNonFinite(float[] values) {
        if (VectorApi.available() && FiniteScanSimd.sumIsFinite(values)) {
            return -1;
        }
        for (int e = 0; e < values.length; e++) {
            if (!Float.isFinite(values[e])) {
                return e;
            }
        }
        return -1;
    }

    /** {@link #firstNonFinite(float[])} of doubles. */
    public static int firstNonFinite(double[] values) {
        if (VectorApi.available() && FiniteScanSimd.sumIsFinite(values)) {
            return -1;
        }
        for (int e = 0; e < values.length; e++) {
            if (!Double.isFinite(values[e])) {
                return e;
            }
        }
        return -1;
    }
}
