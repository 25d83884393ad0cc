package org.dl4jsnn.reproduce.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.MethodRun;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.Preset;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.TrainingMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** reproduce --export rests on this: a finished test-set run hands its trained model to the store. */
@ExtendWith(IsolatedDataCache.class)
class FinishedModelHookTest {

    @Test
    void theTrainedModelOfATestRunIsOfferedOnceAndValidationRunsOfferNone() {
        MexicanHatTask task = new MexicanHatTask();
        MethodSpec method = MethodSpec.parse("SG-BP", 1);
        RunSettings settings = task.defaults(Preset.FAST).withOverrides(3, 50, 1e-2, 3);
        TrainingLoop loop = new TrainingLoop(task, 60_000);

        FinishedModels test = new FinishedModels();
        MethodRun run = loop.run(settings, method, 1, EvaluationSplit.TEST, TrainingMonitor.silent(), test, "r");
        assertThat(test.finished).hasSize(1);
        // the offered model is the trained one: it reproduces the run's reported error
        assertThat(task.testError(test.finished.get(0))).isEqualTo(run.relL2());

        FinishedModels validation = new FinishedModels();
        loop.run(settings, method, 1, EvaluationSplit.VALIDATION, TrainingMonitor.silent(), validation, "v");
        assertThat(validation.finished).isEmpty();
    }
}
