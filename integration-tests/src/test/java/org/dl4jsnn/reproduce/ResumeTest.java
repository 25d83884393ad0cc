package org.dl4jsnn.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.dl4jsnn.reproduce.json.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeTest {

    @TempDir
    Path tmp;

    private String[] args(Path out, String... more) {
        String[] base = {"reproduce", "mexican-hat", "--methods", "SG-BP,SG-RFG-L", "--seeds", "0,1",
            "--iterations", "20", "--progress", "none", "--out", out.toString()};
        return CliHarness.concat(base, more);
    }

    @Test
    void resumeSkipsFinishedRunsAndContinuesTheInterruptedOneFromItsCheckpoint() throws IOException {
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        runner.killAtHalfwayOf = "mexican-hat.SG-RFG-L.seed0";
        CliHarness cli = new CliHarness(runner);
        Path out = tmp.resolve("mh");

        CliHarness.Result killed = cli.run(args(out));

        assertThat(killed.exitCode()).isEqualTo(1);
        assertThat(killed.err()).contains("simulated kill", "--resume");
        assertThat(out.resolve("results.json")).as("an interrupted reproduction must not look complete").doesNotExist();
        assertThat(out.resolve("report.md")).doesNotExist();
        assertThat(out.resolve("checkpoints/mexican-hat.SG-RFG-L.seed0.ckpt")).isRegularFile();
        assertThat(runner.calls).containsExactly("mexican-hat.SG-BP.seed0", "mexican-hat.SG-BP.seed1",
                "mexican-hat.SG-RFG-L.seed0");

        runner.killAtHalfwayOf = null;
        runner.calls.clear();
        CliHarness.Result resumed = cli.run(args(out, "--resume"));

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(runner.calls).containsExactly("mexican-hat.SG-RFG-L.seed0", "mexican-hat.SG-RFG-L.seed1");
        assertThat(runner.checkpointsSeen).containsOnlyKeys("mexican-hat.SG-RFG-L.seed0")
                .containsEntry("mexican-hat.SG-RFG-L.seed0", "iteration=10");
        ResultsJson.Results results = new ResultsJson().read(Files.readAllBytes(out.resolve("results.json")));
        assertThat(results.runs()).hasSize(4);
        assertThat(results.runs()).filteredOn(r -> r.method().equals("SG-RFG-L") && r.seed() == 0)
                .singleElement().satisfies(r -> assertThat(r.relL2()).isEqualTo(
                        FakeTaskRunner.error(MethodSpec.parse("SG-RFG-L", 1), 0)));
        assertThat(out.resolve("checkpoints/mexican-hat.SG-RFG-L.seed0.ckpt")).doesNotExist();

        runner.calls.clear();
        CliHarness.Result again = cli.run(args(out, "--resume"));
        assertThat(again.exitCode()).isZero();
        assertThat(runner.calls).as("everything finished: only the report is rebuilt").isEmpty();
        assertThat(out.resolve("results.json")).isRegularFile();
    }

    @Test
    void resumeKeepsTheRecordedSettingsAndRefusesContradictingOnes() throws IOException {
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        CliHarness cli = new CliHarness(runner);
        Path out = tmp.resolve("mh");
        assertThat(cli.run(args(out, "--lr", "0.01")).exitCode()).isZero();

        CliHarness.Result conflicting = cli.run(args(out, "--resume", "--lr", "0.02"));
        assertThat(conflicting.exitCode()).isEqualTo(2);
        assertThat(conflicting.err()).contains("--lr", "recorded value 0.01");

        CliHarness.Result otherPreset = cli.run(args(out, "--resume", "--preset", "paper"));
        assertThat(otherPreset.exitCode()).isEqualTo(2);
        assertThat(otherPreset.err()).contains("--preset", "recorded preset fast");

        CliHarness.Result plain = cli.run("reproduce", "mexican-hat", "--methods", "SG-BP,SG-RFG-L", "--seeds", "0,1",
                "--progress", "none", "--out", out.toString(), "--resume");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        ResultsJson.Results results = new ResultsJson().read(Files.readAllBytes(out.resolve("results.json")));
        assertThat(results.runs()).allSatisfy(r -> {
            assertThat(r.lr()).isEqualTo(0.01);
            assertThat(r.iterations()).isEqualTo(20);
        });
    }

    @Test
    void aRunRecordTrainedWithOtherSettingsStopsResumeBeforeAnyRunIsTrained() throws IOException {
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        CliHarness cli = new CliHarness(runner);
        Path out = tmp.resolve("mh");
        Path other = tmp.resolve("other");
        assertThat(cli.run(args(out, "--lr", "0.01")).exitCode()).isZero();
        assertThat(cli.run(args(other, "--lr", "0.02")).exitCode()).isZero();
        String file = "runs/mexican-hat.SG-RFG-L.seed1.json";
        Files.copy(other.resolve(file), out.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        // a run that comes before the foreign record still has to be trained
        Files.delete(out.resolve("runs/mexican-hat.SG-BP.seed0.json"));
        runner.calls.clear();

        CliHarness.Result r = cli.run(args(out, "--resume"));

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("mexican-hat.SG-RFG-L.seed1.json", "belongs to another run", "lr 0.02",
                "lr 0.01", "delete the file");
        assertThat(runner.calls).as("the mismatch is found before the missing run is trained").isEmpty();
        assertThat(out.resolve("results.json")).doesNotExist();
    }

    @Test
    void aCorruptCheckpointStopsResumeWithAClearMessage() throws IOException {
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        runner.killAtHalfwayOf = "mexican-hat.SG-BP.seed1";
        CliHarness cli = new CliHarness(runner);
        Path out = tmp.resolve("mh");
        assertThat(cli.run(args(out)).exitCode()).isEqualTo(1);
        Path checkpoint = out.resolve("checkpoints/mexican-hat.SG-BP.seed1.ckpt");
        byte[] bytes = Files.readAllBytes(checkpoint);
        Files.write(checkpoint, Arrays.copyOf(bytes, bytes.length - 3));
        runner.killAtHalfwayOf = null;
        runner.calls.clear();

        CliHarness.Result r = cli.run(args(out, "--resume"));

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("corrupt checkpoint", "mexican-hat.SG-BP.seed1.ckpt", "truncated",
                "delete the file");
        assertThat(runner.calls).as("checked before any training").isEmpty();
        assertThat(out.resolve("results.json")).doesNotExist();
    }

    @Test
    void aCorruptRunRecordStopsResumeWithAClearMessage() throws IOException {
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        CliHarness cli = new CliHarness(runner);
        Path out = tmp.resolve("mh");
        assertThat(cli.run(args(out)).exitCode()).isZero();
        Files.writeString(out.resolve("runs/mexican-hat.SG-BP.seed0.json"), "{\"method\": ");

        CliHarness.Result r = cli.run(args(out, "--resume"));

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("mexican-hat.SG-BP.seed0.json", "not valid JSON");
        assertThat(out.resolve("results.json")).doesNotExist();
    }
}
