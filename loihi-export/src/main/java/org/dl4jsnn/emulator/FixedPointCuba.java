package org.dl4jsnn.emulator;

import org.dl4jsnn.export.CubaParams;
import org.dl4jsnn.export.LoihiLimits;

/**
 * One time step of a group of Lava fixed-point CUBA neurons (Loihi's bit-accurate model), in {@code long}
 * arithmetic (docs/export.md, "Fixed-point semantics"):
 * <ol>
 *   <li>u = decay(u, 4096 - iDecay) + (a_in << 6), wrapped to 24 bits;</li>
 *   <li>v = decay(v, 4096 - vDecay) + u + (bias << 6), saturated to +-(2^23 - 1);</li>
 *   <li>spike when v > vThMant << 6 (strict), and then v = 0; u is kept.</li>
 * </ol>
 * decay(x, keep) = sign(x keep) (|x keep| >> 12): the product's magnitude shifted, so it rounds toward zero.
 */
public final class FixedPointCuba {

    private FixedPointCuba() {
    }

    /** x keep / 4096 rounded toward zero, as Lava computes it. */
    public static long decay(long x, long keep) {
        long p = x * keep;
        return p >= 0 ? p >> 12 : -((-p) >> 12);
    }

    /** Two's-complement wrap of the current to 24 bits, with Lava's boundaries (2^23 wraps, -2^23 wraps). */
    public static long wrapCurrent(long u) {
        if (u > LoihiLimits.UV_LIMIT) {
            return u - 2 * LoihiLimits.UV_LIMIT;
        }
        if (u <= -LoihiLimits.UV_LIMIT) {
            return u + 2 * LoihiLimits.UV_LIMIT;
        }
        return u;
    }

    /** Saturation of the voltage to [-(2^23 - 1), 2^23 - 1]. */
    public static long saturateVoltage(long v) {
        long max = LoihiLimits.UV_LIMIT - 1;
        return Math.max(-max, Math.min(max, v));
    }

    /** The state of n neurons: current u and voltage v, both starting at 0. */
    public static final class Group {
        private final CubaParams params;
        private final long[] u;
        private final long[] v;
        private long saturations;

        public Group(CubaParams params, int n) {
            this.params = params;
            this.u = new long[n];
            this.v = new long[n];
        }

        /**
         * Advances one step.
         *
         * @param input     synaptic input a_in per neuron (null = none)
         * @param biasMant  bias mantissa per neuron (null = zero)
         * @param spikes    receives 1 where a neuron spiked, else 0
         */
        public void step(long[] input, int[] biasMant, byte[] spikes) {
            long uKeep = LoihiLimits.DECAY_UNITY - params.iDecay();
            long vKeep = LoihiLimits.DECAY_UNITY - params.vDecay();
            long threshold = (long) params.vThMant() << LoihiLimits.ACTIVATION_SHIFT;
            for (int j = 0; j < u.length; j++) {
                long a = input == null ? 0 : input[j];
                long cur = wrapCurrent(decay(u[j], uKeep) + (a << LoihiLimits.ACTIVATION_SHIFT));
                u[j] = cur;
                long b = biasMant == null ? 0 : (long) biasMant[j] << LoihiLimits.BIAS_EXP;
                long raw = decay(v[j], vKeep) + cur + b;
                long volt = saturateVoltage(raw);
                if (volt != raw) {
                    saturations++;
                }
                if (volt > threshold) {
                    spikes[j] = 1;
                    volt = 0;
                } else {
                    spikes[j] = 0;
                }
                v[j] = volt;
            }
        }

        public long current(int j) {
            return u[j];
        }

        public long voltage(int j) {
            return v[j];
        }

        /** How often v hit a 24-bit bound since construction. */
        public long saturations() {
            return saturations;
        }

        public int size() {
            return u.length;
        }
    }
}
