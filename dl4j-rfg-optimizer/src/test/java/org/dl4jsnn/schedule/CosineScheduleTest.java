package org.dl4jsnn.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.testing.Networks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

class CosineScheduleTest {

    @Test
    void annealsFromTheRateToAHundredthAlongHalfACosine() {
        CosineSchedule s = CosineSchedule.toHundredth(0.01, 1000);
        assertThat(s.valueAt(0, 0)).isEqualTo(0.01);
        // half way: the mean of the two ends
        assertThat(s.valueAt(500, 0)).isCloseTo((0.01 + 0.0001) / 2, offset(1e-15));
        // a quarter of the way: final + (initial - final) (1 + cos(pi/4)) / 2
        assertThat(s.valueAt(250, 0)).isCloseTo(0.0001 + 0.0099 * (1 + Math.sqrt(0.5)) / 2, offset(1e-15));
        assertThat(s.valueAt(1000, 0)).isCloseTo(0.0001, offset(1e-18));
        assertThat(s.valueAt(5000, 3)).as("constant after the end").isCloseTo(0.0001, offset(1e-18));
        for (int i = 1; i <= 1000; i++) {
            assertThat(s.valueAt(i, 0)).isLessThan(s.valueAt(i - 1, 0));
        }
    }

    @Test
    void survivesTheNetworkConfigurationsJson() {
        MultiLayerConfiguration conf = Networks.mlp(1, DataType.FLOAT, new Adam(new CosineSchedule(0.02, 0.001, 300)),
                2, 1, new SpikingDense.Builder().timeSteps(4), 3);
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        Adam adam = (Adam) ((SpikingDense) back.getConf(0).getLayer()).getIUpdater();
        assertThat(adam.getLearningRateSchedule()).isEqualTo(new CosineSchedule(0.02, 0.001, 300));
        assertThat(adam.getLearningRate(150, 0)).isCloseTo(0.0105, offset(1e-15));
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new CosineSchedule(0.1, 0.001, 0)).hasMessage("iterations must be >= 1, got 0");
        assertThatThrownBy(() -> new CosineSchedule(Double.NaN, 0.001, 5))
                .hasMessageContaining("initialValue and finalValue must be finite");
    }
}
