package org.dl4jsnn.export;

/**
 * Where a float parameter lands on Loihi's integer grid at a layer scale k: the quantization used by
 * export and by the quantization-aware fine-tune, so both snap identically (docs/export.md).
 */
public final class FixedPointGrid {

    private FixedPointGrid() {
    }

    /** 2 round(k w / 2), clipped to [-254, 254] (inside the hardware range [-256, 254]). */
    public static int weightMantissa(double w, double k) {
        long m = 2 * Math.round(k * w / 2);
        // symmetric: a weight at -256 would make the next export choose half the scale and requantize
        return (int) Math.max(-LoihiLimits.WEIGHT_MAX, Math.min(LoihiLimits.WEIGHT_MAX, m));
    }

    /** round(k b), clipped symmetrically to [-4095, 4095] so the largest magnitude fits either sign. */
    public static int biasMantissa(double b, double k) {
        long m = Math.round(k * b);
        return (int) Math.max(-LoihiLimits.BIAS_MAX, Math.min(LoihiLimits.BIAS_MAX, m));
    }

    public static boolean weightClips(double w, double k) {
        long m = 2 * Math.round(k * w / 2);
        return Math.abs(m) > LoihiLimits.WEIGHT_MAX;
    }

    public static boolean biasClips(double b, double k) {
        return Math.abs(Math.round(k * b)) > LoihiLimits.BIAS_MAX;
    }

    /** The weight a float model holds after snapping: weightMantissa / k. */
    public static double snapWeight(double w, double k) {
        return weightMantissa(w, k) / k;
    }

    public static double snapBias(double b, double k) {
        return biasMantissa(b, k) / k;
    }

    /**
     * The largest power of two not above {@code limit}. Powers of two keep every quantized value
     * (mantissa / k) exact in binary floating point, so a float model on the grid computes exactly what
     * the integer hardware computes; they cost at most one bit of range.
     */
    public static double powerOfTwoAtMost(double limit) {
        if (!(limit > 0) || Double.isInfinite(limit)) {
            throw new IllegalArgumentException("scale limit must be finite and > 0, got " + limit);
        }
        int e = Math.getExponent(limit);
        return Math.scalb(1.0, e);
    }
}
