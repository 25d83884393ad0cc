package org.dl4jsnn.export;

/**
 * Loihi 2's fixed-point ranges as Lava's bit-accurate model and netx use them (docs/export.md, "Limits").
 */
public final class LoihiLimits {

    private LoihiLimits() {
    }

    /** Weights are 8-bit mantissas; netx-style exports keep them even, in [-256, 254]. */
    public static final int WEIGHT_MIN = -256;
    public static final int WEIGHT_MAX = 254;
    /** Bias mantissa: 13-bit signed. */
    public static final int BIAS_MIN = -4096;
    public static final int BIAS_MAX = 4095;
    /** netx fixes the bias exponent; Lava adds bias_mant << 6 to v every step. */
    public static final int BIAS_EXP = 6;
    /** Synaptic input a_in and the threshold enter u and v shifted left by 6. */
    public static final int ACTIVATION_SHIFT = 6;
    /** Threshold mantissa: 17-bit unsigned. */
    public static final int VTH_MAX = 131_071;
    /** Synaptic input per step is declared int16. */
    public static final int SYNAPTIC_INPUT_MAX = 32_767;
    /** u and v are 24-bit signed: u wraps at 2^23, v saturates at +-(2^23 - 1). */
    public static final long UV_LIMIT = 1L << 23;
    /** Decays are 12-bit: 4096 is one. */
    public static final int DECAY_UNITY = 4096;
    /** Neurons one neurocore holds in this estimate (about 1M neurons over 128 cores per chip). */
    public static final int NEURONS_PER_CORE = 8192;
    public static final int CORES_PER_CHIP = 128;
}
