package org.dl4jsnn.reproduce.choice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import org.dl4jsnn.estimator.ActivityLayers;
import org.dl4jsnn.estimator.DirectionDistribution;
import org.dl4jsnn.estimator.Grouping;
import org.dl4jsnn.init.InitScheme;
import org.dl4jsnn.reproduce.GradientKind;
import org.dl4jsnn.reproduce.RunSettings;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;

class TrainingChoicesTest {

    @Test
    void settingsWithoutTheKeysMeanWhatRunsDidBefore() {
        assertThat(TrainingChoices.of(new RunSettings(10, 1, 0.1, 1))).isEqualTo(TrainingChoices.LEGACY);
        // the step-decay label recorded by earlier paper-preset runs still reads as step decay
        RunSettings old = new RunSettings(10, 1, 0.1, 1,
                Map.of("lr schedule", "step: lr/10 at 60%, lr/100 at 85% of the iterations"));
        assertThat(TrainingChoices.of(old).schedule()).isEqualTo(LrSchedule.STEP);
    }

    @Test
    void entriesReadBackAsTheSameChoices() {
        TrainingChoices c = new TrainingChoices(LrSchedule.COSINE, InitScheme.FAN_IN_UNIFORM,
                new ResetGradient(true, false), new RfgGroups(true, 8), DirectionDistribution.ORTHOGONAL,
                ActivityLayers.SPIKING_AND_DENSE, new ParameterAveraging(0.995));
        RunSettings s = new RunSettings(10, 1, 0.1, 1, c.addTo(Map.of("T", "32")));
        assertThat(TrainingChoices.of(s)).isEqualTo(c);
        assertThat(s.extra()).containsEntry("T", "32").containsEntry("reset gradient", "bp=differentiated,rfg=detached")
                .containsEntry("RFG-A layers", "spiking+dense").containsEntry("parameter average", "ema 0.995");
    }

    @Test
    void schedulesScaleToTheRunsIterations() {
        Adam cosine = (Adam) LrSchedule.COSINE.adam(0.01, 1000);
        assertThat(cosine.getLearningRate(0, 0)).isEqualTo(0.01);
        assertThat(cosine.getLearningRate(500, 0)).isCloseTo(0.00505, offset(1e-15));
        assertThat(cosine.getLearningRate(1000, 0)).isCloseTo(0.0001, offset(1e-15));
        Adam step = (Adam) LrSchedule.STEP.adam(0.01, 1000);
        assertThat(step.getLearningRate(600, 0)).isEqualTo(0.001);
        assertThat(((Adam) LrSchedule.CONSTANT.adam(0.01, 1000)).getLearningRate(999, 0)).isEqualTo(0.01);
        assertThat(LrSchedule.parse("STEP")).isEqualTo(LrSchedule.STEP);
    }

    @Test
    void resetGradientPerGradientKind() {
        ResetGradient r = ResetGradient.parse("rfg=differentiated,bp=detached");
        assertThat(r.differentiated(GradientKind.BP)).isFalse();
        assertThat(r.differentiated(GradientKind.RFG_L)).isTrue();
        assertThat(r.differentiated(GradientKind.RFG_G)).isTrue();
        assertThat(ResetGradient.parse("Differentiated")).isEqualTo(new ResetGradient(true, true));
        assertThat(ResetGradient.parse(r.text())).isEqualTo(r);
        assertThatThrownBy(() -> ResetGradient.parse("bp=detached,bp=detached"))
                .hasMessageContaining("unknown reset gradient");
    }

    @Test
    void rfgGroupsBecomeTheEstimatorsGrouping() {
        assertThat(RfgGroups.parse("layer").grouping(List.of("u"))).isEqualTo(Grouping.byLayer());
        assertThat(RfgGroups.parse("output-bias").grouping(List.of("u", "local0")))
                .isEqualTo(Grouping.byLayer().withBiasApart("u", "local0"));
        assertThat(RfgGroups.parse("neurons:4+output-bias")).isEqualTo(new RfgGroups(true, 4));
        assertThat(RfgGroups.parse(new RfgGroups(false, 3).text())).isEqualTo(new RfgGroups(false, 3));
        assertThatThrownBy(() -> RfgGroups.parse("neurons")).hasMessageContaining("allowed: layer, output-bias");
    }
}
