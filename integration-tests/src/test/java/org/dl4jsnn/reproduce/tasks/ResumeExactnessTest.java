package org.dl4jsnn.reproduce.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.MethodRun;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.Preset;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.TrainingMonitor;
import org.dl4jsnn.reproduce.store.FileCheckpointStore;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A run killed after a checkpoint and resumed ends exactly where an uninterrupted run ends. */
@ExtendWith(IsolatedDataCache.class)
class ResumeExactnessTest {

    @ParameterizedTest
    @ValueSource(strings = {"SG-BP", "WSG-RFG-L", "SG-RFG-GxK2", "SG-RFG-LG"})
    void resumedRunEqualsUninterruptedRun(String label, @TempDir Path dir) {
        MexicanHatTask task = new MexicanHatTask();
        MethodSpec method = MethodSpec.parse(label, 1);
        RunSettings settings = task.defaults(Preset.FAST).withOverrides(12, 100, 1e-2, 4);
        TrainingLoop everyIteration = new TrainingLoop(task, 0);

        MethodRun whole = everyIteration.run(settings, method, 3, EvaluationSplit.TEST, TrainingMonitor.silent(),
                new FileCheckpointStore(dir.resolve("a")), "run");

        FileCheckpointStore store = new FileCheckpointStore(dir.resolve("b"));
        assertThatThrownBy(() -> everyIteration.run(settings, method, 3, EvaluationSplit.TEST, KillingMonitor.at(7), store, "run"))
                .hasMessage("killed");
        assertThat(store.load("run")).isPresent();
        MethodRun resumed = everyIteration.run(settings, method, 3, EvaluationSplit.TEST, TrainingMonitor.silent(), store, "run");

        assertThat(resumed.relL2()).isEqualTo(whole.relL2());
        assertThat(resumed.curve()).isEqualTo(whole.curve());
        assertThat(resumed.spikeRate()).isEqualTo(whole.spikeRate());
    }
}
