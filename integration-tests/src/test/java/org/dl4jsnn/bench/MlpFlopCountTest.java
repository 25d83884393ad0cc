package org.dl4jsnn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The Mexican-hat-shaped MLP's operation count for activity perturbation (RFG-A), done by hand term by term. */
class MlpFlopCountTest {

    /** 2-3-2-1: spiking layers of 3 and 2, the readout of 1; 20 parameters. */
    private static final int[] WIDTHS = {2, 3, 2, 1};

    @Test
    void activityPerturbationAddsUAndEstimatesTheWeightsFromTheInputs() {
        // B = 2, T = 2, K = 1: rows 0, 1 perturb the currents of layers 1 and 2, row 2 the readout's parameters
        // layer 1 (G = 2*2*2*3 = 24, static input): u added 1*2*3*2 = 12, neurons 4*2*3*2*live 1 = 48,
        // estimate once G + 2 B n = 24 + 12 = 36, sum of u over the steps 12
        double layer1 = 12 + 48 + 36 + 12;
        // layer 2 (G = 2*2*3*2 = 24, fed spikes T times): u added 1*2*2*2 = 8, W sdot of row 0: 2 * 24 = 48,
        // neurons 4*2*2*2*live 2 = 64, time average 2*2*2*(T+1) = 24, estimate 2 * (24 + 2*2*2) = 64
        double layer2 = 8 + 48 + 64 + 24 + 64;
        // readout (G = 2*2*2*1 = 8): own V_W s + V_b 8 + 2, W sdot of rows 0 and 1 16, MSE 3*2*1*live 3 = 18,
        // per-example loss tangents of the two current rows 2 * 2*2*1 = 8
        double readout = 10 + 16 + 18 + 8;
        double estimate = 2 * 20;                         // g += Ldot v of the readout row over 20 parameters
        FlopCount.Breakdown a = FlopCount.count(WIDTHS, 2, 2, BenchMethod.activity(1));
        assertThat(a.tangents()).isEqualTo(layer1 + layer2 + readout + estimate);

        FlopCount.Breakdown l = FlopCount.count(WIDTHS, 2, 2, BenchMethod.layerwise(1));
        assertThat(a.primal()).isEqualTo(l.primal());
        assertThat(a.update()).isEqualTo(l.update()).isEqualTo(13.0 * 20);
        assertThat(a.backward()).isZero();
        assertThat(BenchMethod.activity(1).stackedDirections(3)).isEqualTo(3);
        assertThat(BenchMethod.activity(2).label()).isEqualTo("RFG-A");
        assertThat(BenchMethod.activity(1).withStein().label()).isEqualTo("WSG-RFG-A");
    }

    @Test
    void operatorNetworksHaveNoActivityCount() {
        assertThatThrownBy(() -> FlopCount.count(OperatorShape.deepOnet(2, 3, 2, 2), 2, BenchMethod.activity(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RFG-A")
                .hasMessageContaining("Mexican-hat");
    }
}
