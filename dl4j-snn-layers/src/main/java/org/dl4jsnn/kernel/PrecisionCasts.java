package org.dl4jsnn.kernel;

/**
 * float[] to double[] and back, element by element as Java's casts do (widening exactly, narrowing to the
 * nearest float), in SIMD lanes when the Vector API is present: a FLOAT network's activations cross
 * these at every layer boundary, and the scalar loops cost about a sixth of a back-propagation iteration.
 */
public final class PrecisionCasts {

    private PrecisionCasts() {
    }

    public static void widen(float[] src, double[] dst, int n) {
        int e = VectorApi.available() ? PrecisionCastsSimd.widen(src, dst, n) : 0;
        for (; e < n; e++) {
            dst[e] = src[e];
        }
    }

    public static void narrow(double[] src, float[] dst, int n) {
        int e = VectorApi.available() ? PrecisionCastsSimd.narrow(src, dst, n) : 0;
        for (; e < n; e++) {
            dst[e] = (float) src[e];
        }
    }
}
