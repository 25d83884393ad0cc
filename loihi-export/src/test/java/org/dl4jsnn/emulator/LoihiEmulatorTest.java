package org.dl4jsnn.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.dl4jsnn.export.CubaParams;
import org.dl4jsnn.export.DenseParams;
import org.dl4jsnn.export.InputEncoder;
import org.dl4jsnn.export.LoihiNetwork;
import org.dl4jsnn.export.QuantizedLayer;
import org.dl4jsnn.neuron.ResetMode;
import org.junit.jupiter.api.Test;

/** Whole-network runs small enough to follow by hand: pipeline latency and the readout's scale. */
class LoihiEmulatorTest {

    private static final int T = 4;

    /** Encoder c = x with k = 1 into a neuron with vth 2 (threshold 128): x = 3 adds 192 and spikes every step. */
    private static InputEncoder encoder() {
        return new InputEncoder(new DenseParams("in", new double[][] {{1}}, new double[] {0}), 1.0,
                CubaParams.integrateAndFire(2));
    }

    private static QuantizedLayer readout(int w) {
        return new QuantizedLayer("out", new int[][] {{w}}, new int[] {0}, CubaParams.readout(), 1.0);
    }

    @Test
    void eachDenseLayerDelaysByOneStep() {
        // hidden: w 2, vth 1 -> a_in 2 gives v 128 > 64: spikes one step after the encoder layer
        QuantizedLayer hidden = new QuantizedLayer("h", new int[][] {{2}}, new int[] {0},
                CubaParams.integrateAndFire(1), 1.0);
        LoihiNetwork net = new LoihiNetwork(encoder(), List.of(hidden), readout(2), new double[] {0}, T,
                ResetMode.ZERO);
        assertThat(net.runSteps()).isEqualTo(T + 2);
        Emulation e = new LoihiEmulator(net).run(new double[] {3}, true);
        // steps 1..6: encoder spikes while its bias is on (steps 1-4), hidden at 2-5
        assertThat(e.spikeTrains()[0]).containsExactly(1, 1, 1, 1, 0, 0);
        assertThat(e.spikeTrains()[1]).containsExactly(0, 1, 1, 1, 1, 0);
        assertThat(e.spikesPerLayer()).containsExactly(4, 4);
        // the readout receives hidden spikes at steps 3..6: v = 4 * (2 << 6) = 512
        assertThat(e.readoutVoltage()).containsExactly(512);
        // y = v / (64 k T) = 512 / 256 = 2 = w * mean rate
        assertThat(e.output()[0]).isCloseTo(2.0, within(1e-15));
    }

    @Test
    void readoutAddsItsOffsetAndUndoesItsScale() {
        QuantizedLayer scaled = new QuantizedLayer("out", new int[][] {{6}}, new int[] {0}, CubaParams.readout(), 4.0);
        LoihiNetwork net = new LoihiNetwork(encoder(), List.of(), scaled, new double[] {-0.25}, T, ResetMode.ZERO);
        Emulation e = new LoihiEmulator(net).run(new double[] {3});
        // 4 spikes of weight 6 -> v = 4 * 384 = 1536; y = 1536 / (64 * 4 * 4) - 0.25 = 1.5 - 0.25
        assertThat(e.readoutVoltage()).containsExactly(1536);
        assertThat(e.output()[0]).isCloseTo(1.25, within(1e-15));
        assertThat(e.saturations()).isZero();
    }

    @Test
    void encoderRoundsTheCurrentToItsScaleAndCountsClipping() {
        // k = 8: c = 0.3 -> round(2.4) = 2; c = 1000 -> 8000 clipped to 4095
        InputEncoder enc = new InputEncoder(new DenseParams("in", new double[][] {{1}, {1000}}, new double[] {0, 0}),
                8.0, CubaParams.integrateAndFire(8));
        int[] clipped = new int[1];
        assertThat(enc.biasMantissas(new double[] {0.3}, clipped)).containsExactly(2, 2400);
        assertThat(clipped[0]).isZero();
        assertThat(enc.biasMantissas(new double[] {1}, clipped)).containsExactly(8, 4095);
        assertThat(clipped[0]).isEqualTo(1);
    }
}
