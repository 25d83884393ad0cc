package org.dl4jsnn.reproduce.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.estimator.ActivityLayers;
import org.dl4jsnn.estimator.DirectionDistribution;
import org.dl4jsnn.estimator.Grouping;
import org.dl4jsnn.init.InitScheme;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.Preset;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.TaskRunner;
import org.dl4jsnn.reproduce.choice.TrainingChoices;
import org.dl4jsnn.schedule.CosineSchedule;
import org.dl4jsnn.train.RfgComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;

/** The tasks build their networks as the settings' training choices say. */
class TaskChoicesTest {

    private static RunSettings with(RunSettings s, Map<String, String> entries) {
        return s.withExtra(entries);
    }

    @Test
    void mexicanHatNetworkFollowsInitResetScheduleAndDirections() {
        MexicanHatTask task = new MexicanHatTask();
        RunSettings s = with(task.defaults(Preset.FAST), Map.of(TrainingChoices.INIT, "fan-in-uniform",
                TrainingChoices.RESET, "bp=detached,rfg=differentiated", TrainingChoices.SCHEDULE, "cosine",
                TrainingChoices.DIRECTIONS, "orthogonal", TrainingChoices.GROUPS, "output-bias"));
        ComputationGraph rfg = task.create(MethodSpec.parse("SG-RFG-L", 1), s, 0);
        ComputationGraph bp = task.create(MethodSpec.parse("SG-BP", 1), s, 0);

        double bias = rfg.getLayer("spikes0").getParam("b").amaxNumber().doubleValue();
        assertThat(bias).as("fan-in 2: U(-0.707, 0.707) biases").isPositive().isLessThanOrEqualTo(Math.sqrt(0.5));
        assertThat(spikingResetDifferentiated(rfg)).containsOnly(true);
        assertThat(spikingResetDifferentiated(bp)).containsOnly(false);
        Adam adam = (Adam) ((SpikingDense) rfg.getLayer("spikes0").conf().getLayer()).getIUpdater();
        assertThat(adam.getLearningRateSchedule()).isEqualTo(CosineSchedule.toHundredth(5e-3, 1500));
        RfgComputationGraph r = (RfgComputationGraph) rfg;
        assertThat(r.settings().distribution()).isEqualTo(DirectionDistribution.ORTHOGONAL);
        assertThat(r.settings().grouping()).isEqualTo(Grouping.byLayer().withBiasApart("u"));
    }

    /** Every task's presets give RFG-A every affine output once; settings without the key read as before. */
    @Test
    void rfgAPerturbsEveryAffineOutputByDefault() {
        for (TaskRunner task : new TaskRunner[] {new MexicanHatTask(), new PoissonDeepOnetTask(),
                new DiffusionReactionTask()}) {
            for (Preset preset : Preset.values()) {
                RunSettings s = task.defaults(preset);
                assertThat(s.extra()).as(task.task() + " " + preset).containsEntry(TrainingChoices.ACTIVITY, "affine");
            }
        }
        RfgComputationGraph net = (RfgComputationGraph) new MexicanHatTask().create(MethodSpec.parse("SG-RFG-A", 1),
                new MexicanHatTask().defaults(Preset.FAST), 0);
        assertThat(net.settings().activityLayers()).isEqualTo(ActivityLayers.AFFINE_OUTPUTS);
        assertThat(TrainingChoices.of(new RunSettings(10, 1, 0.1, 1)).activity())
                .isEqualTo(ActivityLayers.SPIKING);
    }

    @Test
    void xavierByDefaultKeepsZeroBiases() {
        MexicanHatTask task = new MexicanHatTask();
        ComputationGraph net = task.create(MethodSpec.parse("SG-BP", 1), task.defaults(Preset.PAPER), 0);
        assertThat(net.getLayer("spikes0").getParam("b").amaxNumber().doubleValue()).isZero();
    }

    @Test
    void poissonRfgLSetsTheOutputBiasApartByDefault() {
        PoissonDeepOnetTask task = new PoissonDeepOnetTask();
        RunSettings s = task.defaults(Preset.FAST);
        assertThat(s.extra()).containsEntry(TrainingChoices.GROUPS, "output-bias")
                .containsEntry(TrainingChoices.INIT, "fan-in-uniform");
        RfgComputationGraph net = (RfgComputationGraph) task.create(MethodSpec.parse("SG-RFG-L-LL", 1), s, 0);
        assertThat(net.settings().grouping()).isEqualTo(Grouping.byLayer().withBiasApart("u", "local0"));
        assertThat(net.getLayer("trunk_spikes0").getParam("b").amaxNumber().doubleValue())
                .as("fan-in 1: biases U(-1, 1)").isPositive().isLessThanOrEqualTo(1.0);
        assertThat(net.getLayer("u").getParam("b").getDouble(0)).as("b0 starts at 0").isZero();
    }

    @Test
    void diffusionReactionUsesThePapersLengthScaleUnlessTheSettingsSayOtherwise() {
        DiffusionReactionTask task = new DiffusionReactionTask();
        RunSettings paper = task.defaults(Preset.PAPER);
        assertThat(DiffusionReactionTask.lengthScale(paper)).isEqualTo(1.0);
        assertThat(TrainingChoices.of(paper).init()).isEqualTo(InitScheme.FAN_IN_UNIFORM);
        assertThat(task.forSettings(paper)).isSameAs(task);
        RunSettings rough = with(paper, Map.of(TrainingChoices.GRF_LENGTH_SCALE, "0.2"));
        assertThat(task.forSettings(rough)).isNotSameAs(task).isSameAs(task.forSettings(rough));
        // settings recorded before the key existed were made with 0.2
        assertThat(DiffusionReactionTask.lengthScale(new RunSettings(10, 1, 0.1, 1))).isEqualTo(0.2);
    }

    private static Boolean[] spikingResetDifferentiated(ComputationGraph net) {
        return Arrays.stream(net.getLayers()).map(l -> l.conf().getLayer())
                .filter(SpikingDense.class::isInstance)
                .map(c -> ((SpikingDense) c).isResetDifferentiated()).toArray(Boolean[]::new);
    }
}
