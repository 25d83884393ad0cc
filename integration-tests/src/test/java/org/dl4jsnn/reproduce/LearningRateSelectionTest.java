package org.dl4jsnn.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.dl4jsnn.reproduce.json.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --select-lr chooses each method's learning rate on the validation fold (never the test set), then
 * trains every seed with it; trials are resumable runs like any other.
 */
class LearningRateSelectionTest {

    private static final String CANDIDATES = "0.0005,0.001,0.004,0.9";

    @TempDir
    Path tmp;

    private String[] args(Path out, String... more) {
        String[] base = {"reproduce", "mexican-hat", "--methods", "SG-BP,SG-RFG-L", "--seeds", "0,1",
            "--iterations", "20", "--progress", "none", "--out", out.toString()};
        return CliHarness.concat(base, more);
    }

    @Test
    void eachMethodTrainsWithTheCandidateThatIsBestOnTheValidationFold() throws IOException {
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        Path out = tmp.resolve("mh");

        CliHarness.Result r = new CliHarness(runner).run(args(out, "--select-lr", CANDIDATES,
                "--select-iterations", "8"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(runner.calls).containsExactly(
                "mexican-hat.SG-BP.seed0.val-lr0.0005", "mexican-hat.SG-BP.seed0.val-lr0.001",
                "mexican-hat.SG-BP.seed0.val-lr0.004", "mexican-hat.SG-BP.seed0.val-lr0.9",
                "mexican-hat.SG-BP.seed0", "mexican-hat.SG-BP.seed1",
                "mexican-hat.SG-RFG-L.seed0.val-lr0.0005", "mexican-hat.SG-RFG-L.seed0.val-lr0.001",
                "mexican-hat.SG-RFG-L.seed0.val-lr0.004", "mexican-hat.SG-RFG-L.seed0.val-lr0.9",
                "mexican-hat.SG-RFG-L.seed0", "mexican-hat.SG-RFG-L.seed1");

        ResultsJson.Results results = new ResultsJson().read(Files.readAllBytes(out.resolve("results.json")));
        assertThat(results.runs()).filteredOn(row -> row.method().equals("SG-BP"))
                .extracting(ResultsJson.Row::lr).containsExactly(1e-3, 1e-3);
        assertThat(results.runs()).filteredOn(row -> row.method().equals("SG-RFG-L"))
                .extracting(ResultsJson.Row::lr).containsExactly(4e-3, 4e-3);
        assertThat(results.runs()).extracting(ResultsJson.Row::iterations).containsOnly(20);
        assertThat(results.lrTrials()).hasSize(8);
        MethodSpec bp = MethodSpec.parse("SG-BP", 1);
        assertThat(results.lrTrials()).filteredOn(t -> t.method().equals("SG-BP") && t.lr() == 5e-4).singleElement()
                .satisfies(t -> assertThat(t.validationError()).isEqualTo(FakeTaskRunner.validationError(bp, 5e-4)));
        assertThat(results.lrTrials()).filteredOn(LrTrial::diverged).extracting(LrTrial::lr).containsOnly(0.9);

        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("## Learning-rate selection", "the last 4 of the 40 fake rows", "after 8 iterations",
                "| SG-BP | 0.7931 | **0.1000** | 1.486 | diverged | 0.001 |",
                "| learning rate | chosen per method on a validation fold (below) |");
        assertThat(md).as("both choices are inside the grid 0.0005..0.9").doesNotContain("At the edge of the grid");
        assertThat(out.resolve("runs/mexican-hat.SG-RFG-L.seed0.val-lr0.004.json")).isRegularFile();
    }

    @Test
    void thePaperPresetChoosesOnTheValidationFoldUnlessALearningRateIsGiven() throws IOException {
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        CliHarness cli = new CliHarness(runner);
        Path out = tmp.resolve("paper");
        String[] paper = {"reproduce", "mexican-hat", "--preset", "paper", "--methods", "SG-RFG-L", "--progress",
            "none", "--out", out.toString()};

        assertThat(cli.run(paper).exitCode()).isZero();
        assertThat(runner.calls).containsExactly("mexican-hat.SG-RFG-L.seed0.val-lr0.001",
                "mexican-hat.SG-RFG-L.seed0.val-lr0.003", "mexican-hat.SG-RFG-L.seed0.val-lr0.01",
                "mexican-hat.SG-RFG-L.seed0");
        ResultsJson.Results results = new ResultsJson().read(Files.readAllBytes(out.resolve("results.json")));
        assertThat(results.runs()).singleElement().satisfies(r -> assertThat(r.lr()).isEqualTo(3e-3));
        assertThat(Files.readString(out.resolve("report.md"))).contains("after 100 iterations");

        runner.calls.clear();
        assertThat(cli.run(CliHarness.concat(paper, "--force", "--lr", "0.002")).exitCode()).isZero();
        assertThat(runner.calls).as("--lr fixes the rate: no trials").containsExactly("mexican-hat.SG-RFG-L.seed0");
    }

    @Test
    void aChoiceAtTheEdgeOfTheGridIsFlagged() throws IOException {
        Path out = tmp.resolve("mh");
        CliHarness.Result r = new CliHarness(FakeTaskRunner.grid("mexican-hat")).run(args(out, "--select-lr",
                "0.001,0.002"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("report.md")))
                .contains("**At the edge of the grid**", "SG-BP (lowest)", "SG-RFG-L (highest)");
    }

    @Test
    void anInterruptedSearchResumesWithoutRepeatingFinishedTrials() throws IOException {
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        runner.killAtHalfwayOf = "mexican-hat.SG-RFG-L.seed0.val-lr0.001";
        CliHarness cli = new CliHarness(runner);
        Path out = tmp.resolve("mh");

        assertThat(cli.run(args(out, "--select-lr", CANDIDATES)).exitCode()).isEqualTo(1);
        assertThat(out.resolve("checkpoints/mexican-hat.SG-RFG-L.seed0.val-lr0.001.ckpt")).isRegularFile();

        runner.killAtHalfwayOf = null;
        runner.calls.clear();
        CliHarness.Result resumed = cli.run(args(out, "--resume"));

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(runner.calls).containsExactly("mexican-hat.SG-RFG-L.seed0.val-lr0.001",
                "mexican-hat.SG-RFG-L.seed0.val-lr0.004", "mexican-hat.SG-RFG-L.seed0.val-lr0.9",
                "mexican-hat.SG-RFG-L.seed0", "mexican-hat.SG-RFG-L.seed1");
        assertThat(runner.checkpointsSeen).containsEntry("mexican-hat.SG-RFG-L.seed0.val-lr0.001", "iteration=10");
        ResultsJson.Results results = new ResultsJson().read(Files.readAllBytes(out.resolve("results.json")));
        assertThat(results.lrTrials()).hasSize(8);
        assertThat(results.runs()).filteredOn(row -> row.method().equals("SG-RFG-L"))
                .extracting(ResultsJson.Row::lr).containsExactly(4e-3, 4e-3);
    }

    @Test
    void aTrialRecordFromAShorterSearchIsNotTakenAsThisSearchsTrial() throws IOException {
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        CliHarness cli = new CliHarness(runner);
        Path out = tmp.resolve("mh");
        Path other = tmp.resolve("other");
        assertThat(cli.run(args(out, "--select-lr", "0.001,0.004", "--select-iterations", "8")).exitCode()).isZero();
        assertThat(cli.run(args(other, "--select-lr", "0.001,0.004", "--select-iterations", "6")).exitCode()).isZero();
        String file = "runs/mexican-hat.SG-BP.seed0.val-lr0.004.json";
        Files.copy(other.resolve(file), out.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        // the trial before the foreign one still has to be trained
        Files.delete(out.resolve("runs/mexican-hat.SG-BP.seed0.val-lr0.001.json"));
        runner.calls.clear();

        CliHarness.Result r = cli.run(args(out, "--resume"));

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("mexican-hat.SG-BP.seed0.val-lr0.004.json", "iterations 6", "iterations 8");
        assertThat(runner.calls).as("the mismatch is found before the missing trial is trained").isEmpty();
    }

    @Test
    void conflictingOrMeaninglessSearchOptionsAreRejectedBeforeAnythingIsWritten() {
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        CliHarness cli = new CliHarness(runner);
        List<String[]> bad = List.of(
                args(tmp.resolve("a"), "--select-lr", "0.001,0.01", "--lr", "0.001"),
                args(tmp.resolve("b"), "--select-lr", "0.001"),
                args(tmp.resolve("c"), "--select-lr", "0.001,-0.01"),
                args(tmp.resolve("d"), "--select-lr", "0.001,0.001"),
                args(tmp.resolve("e"), "--select-iterations", "10"),
                args(tmp.resolve("f"), "--select-lr", "0.001,0.01", "--select-iterations", "0"));
        List<String> expected = List.of("give one of them", "at least two", "finite and > 0", "listed twice",
                "only applies with --select-lr", "--select-iterations");
        for (int i = 0; i < bad.size(); i++) {
            CliHarness.Result r = cli.run(bad.get(i));
            assertThat(r.exitCode()).as(String.join(" ", bad.get(i))).isEqualTo(2);
            assertThat(r.err()).contains(expected.get(i));
        }
        assertThat(runner.calls).isEmpty();
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void resumeRefusesOtherCandidatesThanTheRecordedOnes() {
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        CliHarness cli = new CliHarness(runner);
        Path out = tmp.resolve("mh");
        assertThat(cli.run(args(out, "--select-lr", "0.001,0.004")).exitCode()).isZero();

        CliHarness.Result other = cli.run(args(out, "--resume", "--select-lr", "0.001,0.01"));
        assertThat(other.exitCode()).isEqualTo(2);
        assertThat(other.err()).contains("recorded candidates [0.001, 0.004]");
    }

    @Test
    void whenEveryCandidateDivergesTheRunFailsNamingTheOption() {
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        CliHarness.Result r = new CliHarness(runner).run(args(tmp.resolve("mh"), "--select-lr", "0.6,0.9"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("every learning rate in [0.6, 0.9] diverged for SG-BP", "--select-lr");
        assertThat(tmp.resolve("mh/results.json")).doesNotExist();
    }
}
