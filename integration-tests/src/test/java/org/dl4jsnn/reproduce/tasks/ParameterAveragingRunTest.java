package org.dl4jsnn.reproduce.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.MethodRun;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.Preset;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.TrainingMonitor;
import org.dl4jsnn.reproduce.TrainingPoint;
import org.dl4jsnn.reproduce.choice.TrainingChoices;
import org.dl4jsnn.reproduce.store.FileCheckpointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * --param-average: the run is evaluated and ends with the average of its iterates, training itself is
 * untouched, and a resumed run averages exactly as an uninterrupted one.
 */
@ExtendWith(IsolatedDataCache.class)
class ParameterAveragingRunTest {

    private static final MexicanHatTask TASK = new MexicanHatTask();
    private static final MethodSpec METHOD = MethodSpec.parse("SG-RFG-L", 1);

    private static RunSettings settings(String average) {
        return TASK.defaults(Preset.FAST).withOverrides(12, 100, 3e-2, 4)
                .withExtra(Map.of(TrainingChoices.AVERAGING, average));
    }

    @Test
    void theAverageIsWhatIsEvaluatedAndKeptWhileTrainingFollowsTheLiveIterate() {
        TrainingLoop loop = new TrainingLoop(TASK, 60_000);
        FinishedModels lastStore = new FinishedModels();
        MethodRun last = loop.run(settings("none"), METHOD, 2, EvaluationSplit.TEST, TrainingMonitor.silent(),
                lastStore, "last");
        FinishedModels averagedStore = new FinishedModels();
        MethodRun averaged = loop.run(settings("ema 0.7"), METHOD, 2, EvaluationSplit.TEST,
                TrainingMonitor.silent(), averagedStore, "averaged");

        List<Double> lossesLast = last.curve().stream().map(TrainingPoint::loss).toList();
        List<Double> lossesAveraged = averaged.curve().stream().map(TrainingPoint::loss).toList();
        assertThat(lossesAveraged).isEqualTo(lossesLast);
        assertThat(averaged.relL2()).isNotEqualTo(last.relL2());
        // the kept model is the average: it reproduces the reported error, the last iterate does not
        assertThat(TASK.testError(averagedStore.only())).isEqualTo(averaged.relL2());
        assertThat(TASK.testError(lastStore.only())).isEqualTo(last.relL2());
        assertThat(averagedStore.only().params().toFloatVector())
                .isNotEqualTo(lastStore.only().params().toFloatVector());
    }

    @Test
    void aResumedRunAveragesAsTheUninterruptedOne(@TempDir Path dir) {
        TrainingLoop everyIteration = new TrainingLoop(TASK, 0);
        RunSettings s = settings("0.8");
        MethodRun whole = everyIteration.run(s, METHOD, 3, EvaluationSplit.TEST, TrainingMonitor.silent(),
                new FileCheckpointStore(dir.resolve("a")), "run");
        FileCheckpointStore store = new FileCheckpointStore(dir.resolve("b"));
        assertThatThrownBy(() -> everyIteration.run(s, METHOD, 3, EvaluationSplit.TEST, KillingMonitor.at(7), store,
                "run")).hasMessage("killed");
        MethodRun resumed = everyIteration.run(s, METHOD, 3, EvaluationSplit.TEST, TrainingMonitor.silent(), store,
                "run");
        assertThat(resumed.curve()).isEqualTo(whole.curve());
        assertThat(resumed.relL2()).isEqualTo(whole.relL2());
    }
}
