package org.dl4jsnn.reproduce.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jsnn.reproduce.CheckpointMismatchException;
import org.dl4jsnn.reproduce.Dl4jSnnCli;
import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.Preset;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.TrainingMonitor;
import org.dl4jsnn.reproduce.store.FileCheckpointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint resumes only the run that saved it: same task, method, seed, split and settings. */
@ExtendWith(IsolatedDataCache.class)
class CheckpointIdentityTest {

    private static final MexicanHatTask TASK = new MexicanHatTask();
    private static final RunSettings SETTINGS = TASK.defaults(Preset.FAST).withOverrides(12, 50, 5e-3, 4);

    /** A store holding the checkpoint of SG-BP seed 3 at iteration 7 under {@code key}. */
    private static FileCheckpointStore interrupted(Path dir, String key) {
        return interrupted(dir, key, "SG-BP");
    }

    private static FileCheckpointStore interrupted(Path dir, String key, String method) {
        FileCheckpointStore store = new FileCheckpointStore(dir);
        assertThatThrownBy(() -> new TrainingLoop(TASK, 0).run(SETTINGS, MethodSpec.parse(method, 1), 3,
                EvaluationSplit.TEST, KillingMonitor.at(7), store, key)).hasMessage("killed");
        assertThat(store.load(key)).isPresent();
        return store;
    }

    @Test
    void anotherMethodsCheckpointIsRefusedNamingBoth(@TempDir Path dir) {
        FileCheckpointStore store = interrupted(dir, "run");
        assertThatThrownBy(() -> new TrainingLoop(TASK, 0).run(SETTINGS, MethodSpec.parse("SG-RFG-L", 1), 3,
                EvaluationSplit.TEST, TrainingMonitor.silent(), store, "run"))
                .isInstanceOf(CheckpointMismatchException.class)
                .hasMessageContaining("saved by {task=mexican-hat, method=SG-BP, seed=3")
                .hasMessageContaining("this run is {task=mexican-hat, method=SG-RFG-L, seed=3");
    }

    /** Activity perturbation is its own method: a layer-wise run's checkpoint does not continue as RFG-A. */
    @Test
    void anActivityPerturbationRunRefusesAWeightPerturbationCheckpoint(@TempDir Path dir) {
        FileCheckpointStore store = interrupted(dir, "run", "SG-RFG-L");
        assertThatThrownBy(() -> new TrainingLoop(TASK, 0).run(SETTINGS, MethodSpec.parse("SG-RFG-A", 1), 3,
                EvaluationSplit.TEST, TrainingMonitor.silent(), store, "run"))
                .isInstanceOf(CheckpointMismatchException.class)
                .hasMessageContaining("method=SG-RFG-L").hasMessageContaining("method=SG-RFG-A");
        assertThat(new TrainingLoop(TASK, 0).run(SETTINGS, MethodSpec.parse("SG-RFG-L", 1), 3, EvaluationSplit.TEST,
                TrainingMonitor.silent(), store, "run").iterations()).isEqualTo(12);
    }

    @Test
    void changedSettingsOrSeedAreRefused(@TempDir Path dir) {
        FileCheckpointStore store = interrupted(dir, "run");
        MethodSpec bp = MethodSpec.parse("SG-BP", 1);
        assertThatThrownBy(() -> new TrainingLoop(TASK, 0).run(SETTINGS.withOverrides(3000, null, 0.05, null), bp, 3,
                EvaluationSplit.TEST, TrainingMonitor.silent(), store, "run"))
                .isInstanceOf(CheckpointMismatchException.class)
                .hasMessageContaining("iterations=12, batch=50, lr=0.005")
                .hasMessageContaining("iterations=3000, batch=50, lr=0.05");
        assertThatThrownBy(() -> new TrainingLoop(TASK, 0).run(SETTINGS, bp, 4, EvaluationSplit.TEST,
                TrainingMonitor.silent(), store, "run")).isInstanceOf(CheckpointMismatchException.class);
        assertThatThrownBy(() -> new TrainingLoop(TASK, 0).run(SETTINGS, bp, 3, EvaluationSplit.VALIDATION,
                TrainingMonitor.silent(), store, "run")).isInstanceOf(CheckpointMismatchException.class);
        // the run that saved it resumes it
        assertThat(new TrainingLoop(TASK, 0).run(SETTINGS, bp, 3, EvaluationSplit.TEST, TrainingMonitor.silent(),
                store, "run").iterations()).isEqualTo(12);
    }

    /** Through the command line: a renamed checkpoint file is refused with exit 3, not resumed. */
    @Test
    void aRenamedCheckpointIsRefusedByResume(@TempDir Path out) throws Exception {
        String bpKey = "mexican-hat.SG-BP.seed0";
        String rfgKey = "mexican-hat.SG-RFG-L.seed0";
        Path checkpoints = Files.createDirectories(out.resolve("checkpoints"));
        RunSettings settings = TASK.defaults(Preset.FAST).withOverrides(12, 50, null, 4);
        FileCheckpointStore store = new FileCheckpointStore(checkpoints);
        assertThatThrownBy(() -> new TrainingLoop(TASK, 0).run(settings, MethodSpec.parse("SG-BP", 1), 0,
                EvaluationSplit.TEST, KillingMonitor.at(7), store, bpKey)).hasMessage("killed");
        Files.move(store.fileOf(bpKey), store.fileOf(rfgKey));

        StringWriter err = new StringWriter();
        int code = new Dl4jSnnCli(Tasks.registry()).execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "reproduce", "mexican-hat", "--methods", "SG-RFG-L", "--iterations", "12", "--batch", "50",
                "--eval-every", "4", "--resume", "--out", out.toString(), "--progress", "none");

        assertThat(code).as(err.toString()).isEqualTo(3);
        assertThat(err.toString()).contains("belongs to another run", "method=SG-BP", "method=SG-RFG-L")
                .doesNotContain("\tat ");
        assertThat(out.resolve("results.json")).doesNotExist();
    }
}
