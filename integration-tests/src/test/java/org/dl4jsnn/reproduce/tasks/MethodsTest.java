package org.dl4jsnn.reproduce.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dl4jsnn.estimator.ActivityLayers;
import org.dl4jsnn.estimator.Perturbation;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.choice.TrainingChoices;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;

class MethodsTest {

    @Test
    void stepDecayDividesTheRateAtSixtyAndEightyFivePercent() {
        RunSettings settings = new RunSettings(1000, 10, 0.01, 100, Methods.withStepDecay(Map.of("T", "32")));
        Adam adam = (Adam) Methods.updater(settings);
        assertThat(adam.getLearningRate(0, 0)).isEqualTo(0.01);
        assertThat(adam.getLearningRate(599, 0)).isEqualTo(0.01);
        assertThat(adam.getLearningRate(600, 0)).isEqualTo(0.001);
        assertThat(adam.getLearningRate(850, 0)).isEqualTo(0.0001);
        assertThat(settings.extra()).containsEntry("T", "32").containsKey(Methods.SCHEDULE);
    }

    @Test
    void withoutAScheduleTheRateIsConstant() {
        Adam adam = (Adam) Methods.updater(new RunSettings(1000, 10, 0.01, 100));
        assertThat(adam.getLearningRate(999, 3)).isEqualTo(0.01);
    }

    @Test
    void activityPerturbationMethodsPerturbActivity() {
        assertThat(Methods.rfg(MethodSpec.parse("SG-RFG-AxK2", 1), 5).perturbation())
                .isEqualTo(Perturbation.ACTIVITY);
        assertThat(Methods.rfg(MethodSpec.parse("SG-RFG-AxK2", 1), 5).directions()).isEqualTo(2);
        assertThat(Methods.rfg(MethodSpec.parse("SG-RFG-L", 1), 5).perturbation())
                .isEqualTo(Perturbation.LAYERWISE);
        assertThat(Methods.rfg(MethodSpec.parse("SG-RFG-LG", 1), 5).perturbation())
                .isEqualTo(Perturbation.LOCAL_GUIDED);
    }

    @Test
    void theActivityLayersChoiceReachesRfgAOnly() {
        TrainingChoices choices = TrainingChoices.LEGACY
                .withActivity(ActivityLayers.SPIKING_AND_DENSE);
        assertThat(Methods.rfg(MethodSpec.parse("SG-RFG-A", 1), 5, choices,
                List.of()).activityLayers()).isEqualTo(ActivityLayers.SPIKING_AND_DENSE);
        // in the same run, RFG-L perturbs weights only
        assertThat(Methods.rfg(MethodSpec.parse("SG-RFG-L", 1), 5, choices,
                List.of()).activityLayers()).isEqualTo(ActivityLayers.SPIKING);
    }

    @Test
    void networkSeedsAreNeverZeroAndDifferPerRun() {
        assertThat(Methods.networkSeed(0)).isNotZero();
        assertThat(Methods.networkSeed(0)).isNotEqualTo(Methods.networkSeed(1));
        assertThat(Methods.networkSeed(7)).isEqualTo(Methods.networkSeed(7));
    }
}
