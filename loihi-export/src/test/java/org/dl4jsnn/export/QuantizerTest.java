package org.dl4jsnn.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.dl4jsnn.neuron.ResetMode;
import org.junit.jupiter.api.Test;

class QuantizerTest {

    @Test
    void powerOfTwoAtMostIsTheLargestBelowTheLimit() {
        assertThat(FixedPointGrid.powerOfTwoAtMost(508)).isEqualTo(256);
        assertThat(FixedPointGrid.powerOfTwoAtMost(512)).isEqualTo(512);
        assertThat(FixedPointGrid.powerOfTwoAtMost(0.3)).isEqualTo(0.25);
        assertThatThrownBy(() -> FixedPointGrid.powerOfTwoAtMost(0)).hasMessageContaining("scale limit");
    }

    @Test
    void weightsAreEvenMantissasInRange() {
        assertThat(FixedPointGrid.weightMantissa(0.5, 256)).isEqualTo(128);
        assertThat(FixedPointGrid.weightMantissa(0.51, 256)).isEqualTo(130); // 130.56 -> 2 round(65.28)
        assertThat(FixedPointGrid.weightMantissa(3.0, 256)).isEqualTo(254);
        assertThat(FixedPointGrid.weightMantissa(-3.0, 256)).isEqualTo(-254);
        assertThat(FixedPointGrid.weightClips(3.0, 256)).isTrue();
        assertThat(FixedPointGrid.biasMantissa(-100, 64)).isEqualTo(-4095);
    }

    @Test
    void handComputedScalesForOneHiddenLayer() {
        // hidden: max|w| = 0.9 -> 254 / 0.9 = 282 -> k = 256; bias 0.5 -> 8190 (no limit); row sum 1.3
        DenseParams first = new DenseParams("a", new double[][] {{2, 0}, {0, -1}}, new double[] {0, 0.5});
        DenseParams hidden = new DenseParams("b", new double[][] {{0.9, -0.4}}, new double[] {0.5});
        DenseParams out = new DenseParams("u", new double[][] {{0.25}}, new double[] {0.125});
        SpikingMlp mlp = new SpikingMlp(List.of(first, hidden), new double[] {1, 1}, ResetMode.ZERO, out, 8);
        // calibration x in {(1, 1), (-1, 0)}: currents (2, -0.5), (-2, 0.5) -> max 2 -> 4095 / 2 -> k = 1024
        Quantizer.Result r = Quantizer.quantize(mlp, new double[][] {{1, 1}, {-1, 0}});
        LoihiNetwork net = r.network();
        assertThat(net.encoder().scale()).isEqualTo(1024);
        assertThat(net.encoder().neuron().vThMant()).isEqualTo(1024);
        QuantizedLayer h = net.layers().get(0);
        assertThat(h.scale()).isEqualTo(256);
        assertThat(h.weight()[0]).containsExactly(230, -102); // 2 round(115.2), 2 round(-51.2)
        assertThat(h.bias()).containsExactly(128);
        assertThat(h.neuron()).isEqualTo(new CubaParams(4096, 0, 256));
        // readout: weight limit 254 / 0.25 = 1016; voltage room (2^23 - 1) / 64 / 10 steps = 13107 - 1 over 0.25
        // is larger -> k = 512; its bias stays on the host
        assertThat(net.readout().scale()).isEqualTo(512);
        assertThat(net.readout().weight()[0]).containsExactly(128);
        assertThat(net.readoutOffset()).containsExactly(0.125);
        assertThat(r.report()).extracting(LayerQuantization::role).containsExactly("encoder", "spiking", "readout");
        assertThat(r.report().get(1).limitedBy()).isEqualTo("weight");
        assertThat(r.report().get(1).maxAbsWeightError()).isCloseTo(0.9 - 230 / 256.0, within(1e-12));
        assertThat(r.report().get(0).limitedBy()).isEqualTo("current");
    }

    @Test
    void everyMantissaIsInRangeAndWithinOneGridStep() {
        SpikingMlp mlp = TestModels.mlp(3, ResetMode.ZERO, 16, 3, 20, 12, 2);
        Quantizer.Result r = Quantizer.quantize(mlp, TestModels.inputs(4, 50, 3, 2));
        for (int l = 0; l < r.network().layers().size(); l++) {
            QuantizedLayer q = r.network().layers().get(l);
            DenseParams p = mlp.layers().get(l + 1);
            for (int j = 0; j < q.nOut(); j++) {
                for (int i = 0; i < q.nIn(); i++) {
                    assertThat(q.weight()[j][i] % 2).isZero();
                    assertThat(Math.abs(q.weight()[j][i] / q.scale() - p.weight()[j][i])).isLessThanOrEqualTo(1 / q.scale());
                }
            }
        }
        assertThat(r.report()).allSatisfy(l -> assertThat(l.weightsClipped()).isZero());
    }

    @Test
    void aThresholdTooSmallForTheGridIsRefusedNamingTheLayer() {
        DenseParams first = new DenseParams("first", new double[][] {{1e6}}, new double[] {0});
        DenseParams out = new DenseParams("u", new double[][] {{1}}, new double[] {0});
        SpikingMlp mlp = new SpikingMlp(List.of(first), new double[] {1e-4}, ResetMode.ZERO, out, 4);
        assertThatThrownBy(() -> Quantizer.quantize(mlp, new double[][] {{1}}))
                .isInstanceOf(UnsupportedModelException.class)
                .hasMessageContaining("layer 'first'").hasMessageContaining("threshold");
    }

    @Test
    void aMantissaOutOfRangeIsRefusedNamingLayerAndField() {
        assertThatThrownBy(() -> new QuantizedLayer("hidden", new int[][] {{300}}, new int[] {0},
                CubaParams.integrateAndFire(1), 1.0))
                .hasMessageContaining("layer 'hidden'").hasMessageContaining("weight[0][0] = 300");
        assertThatThrownBy(() -> new QuantizedLayer("hidden", new int[][] {{2}}, new int[] {5000},
                CubaParams.integrateAndFire(1), 1.0))
                .hasMessageContaining("layer 'hidden'").hasMessageContaining("bias[0] = 5000");
        assertThatThrownBy(() -> new CubaParams(4096, 0, 200_000)).hasMessageContaining("vThMant");
    }
}
