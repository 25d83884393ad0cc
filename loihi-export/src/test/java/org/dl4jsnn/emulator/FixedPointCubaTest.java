package org.dl4jsnn.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.dl4jsnn.export.CubaParams;
import org.junit.jupiter.api.Test;

/** Lava's fixed-point CUBA step against values worked out by hand. */
class FixedPointCubaTest {

    private static byte[] run(FixedPointCuba.Group g, long[] input, int[] bias, int steps) {
        byte[] train = new byte[steps];
        byte[] s = new byte[g.size()];
        for (int t = 0; t < steps; t++) {
            g.step(input, bias, s);
            train[t] = s[0];
        }
        return train;
    }

    @Test
    void decayRoundsTowardZeroNotDown() {
        assertThat(FixedPointCuba.decay(5, 2048)).isEqualTo(2);
        // floor(-2.5) would be -3; Lava shifts the magnitude: -2
        assertThat(FixedPointCuba.decay(-5, 2048)).isEqualTo(-2);
        assertThat(FixedPointCuba.decay(-4096, 4095)).isEqualTo(-4095);
        assertThat(FixedPointCuba.decay(123_456, 0)).isZero();
    }

    @Test
    void biasIntegratesSixtyFourTimesItsMantissaPerStep() {
        // vth 10 -> threshold 640; bias 3 adds 192: v = 192, 384, 576, 768 > 640 -> spike at step 4, v = 0
        FixedPointCuba.Group g = new FixedPointCuba.Group(CubaParams.integrateAndFire(10), 1);
        byte[] train = run(g, null, new int[] {3}, 3);
        assertThat(train).containsExactly(0, 0, 0);
        assertThat(g.voltage(0)).isEqualTo(576);
        byte[] s = new byte[1];
        g.step(null, new int[] {3}, s);
        assertThat(s[0]).isEqualTo((byte) 1);
        assertThat(g.voltage(0)).isZero();
        assertThat(g.current(0)).isZero();
    }

    @Test
    void thresholdIsStrict() {
        // vth 3 -> 192; bias 1: v = 64, 128, 192 (equal: no spike), 256 -> spike at step 4
        FixedPointCuba.Group g = new FixedPointCuba.Group(CubaParams.integrateAndFire(3), 1);
        assertThat(run(g, null, new int[] {1}, 5)).containsExactly(0, 0, 0, 1, 0);
    }

    @Test
    void synapticInputEntersShiftedAndIfCurrentHoldsOnlyThisStep() {
        // iDecay 4096: u = a_in << 6 each step; a_in 2 then 0: u = 128 then 0; v = 128, 128
        FixedPointCuba.Group g = new FixedPointCuba.Group(CubaParams.integrateAndFire(100), 1);
        byte[] s = new byte[1];
        g.step(new long[] {2}, null, s);
        assertThat(g.current(0)).isEqualTo(128);
        assertThat(g.voltage(0)).isEqualTo(128);
        g.step(new long[] {0}, null, s);
        assertThat(g.current(0)).isZero();
        assertThat(g.voltage(0)).isEqualTo(128);
    }

    @Test
    void currentWrapsAtTwentyFourBits() {
        // iDecay 0 keeps u whole; a_in 2^16 adds 2^22 per step: 2^22, 2^23 (kept: wrap is u > 2^23),
        // 2^23 + 2^22 -> wraps to -2^22
        FixedPointCuba.Group g = new FixedPointCuba.Group(new CubaParams(0, 4096, 131_071), 1);
        byte[] s = new byte[1];
        long[] in = {1L << 16};
        g.step(in, null, s);
        assertThat(g.current(0)).isEqualTo(1L << 22);
        g.step(in, null, s);
        assertThat(g.current(0)).isEqualTo(1L << 23);
        g.step(in, null, s);
        assertThat(g.current(0)).isEqualTo(-(1L << 22));
        // and at the negative end -2^23 itself wraps to +2^23
        assertThat(FixedPointCuba.wrapCurrent(-(1L << 23))).isEqualTo(1L << 23);
        assertThat(FixedPointCuba.wrapCurrent(-(1L << 23) + 1)).isEqualTo(-(1L << 23) + 1);
    }

    @Test
    void voltageSaturatesAtTwentyFourBits() {
        // bias -4096 adds -262144 per step: after 32 steps exactly -2^23, saturated to -(2^23 - 1)
        FixedPointCuba.Group g = new FixedPointCuba.Group(CubaParams.integrateAndFire(1), 1);
        run(g, null, new int[] {-4096}, 31);
        assertThat(g.voltage(0)).isEqualTo(-31L * 262_144);
        assertThat(g.saturations()).isZero();
        run(g, null, new int[] {-4096}, 1);
        assertThat(g.voltage(0)).isEqualTo(-(1L << 23) + 1);
        assertThat(g.saturations()).isEqualTo(1);
        run(g, null, new int[] {-4096}, 1);
        assertThat(g.voltage(0)).isEqualTo(-(1L << 23) + 1);
        assertThat(FixedPointCuba.saturateVoltage(1L << 23)).isEqualTo((1L << 23) - 1);
    }

    @Test
    void voltageLeaksByVDecay() {
        // vDecay 2048 halves v toward zero: bias 1 -> 64, 32 + 64 = 96, 48 + 64 = 112
        FixedPointCuba.Group g = new FixedPointCuba.Group(new CubaParams(4096, 2048, 131_071), 1);
        run(g, null, new int[] {1}, 3);
        assertThat(g.voltage(0)).isEqualTo(112);
    }
}
