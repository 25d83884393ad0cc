package org.dl4jsnn.reproduce.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jsnn.reproduce.Dl4jSnnCli;
import org.dl4jsnn.reproduce.LrTrial;
import org.dl4jsnn.reproduce.json.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A learning rate of 1e6 on the real Mexican-hat task: each run stops diverged, named and marked. */
@ExtendWith(IsolatedDataCache.class)
class DivergenceEndToEndTest {

    private record Outcome(int code, String err) {
    }

    private static Outcome run(Path out, String... args) {
        StringWriter err = new StringWriter();
        String[] all = Args.concat(args, "--out", out.toString(), "--progress", "none");
        int code = new Dl4jSnnCli(Tasks.registry()).execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                all);
        return new Outcome(code, err.toString());
    }

    @Test
    void aHugeRateStopsEachRunNamingTheIterationMarksItAndExitsOne(@TempDir Path out) throws Exception {
        Outcome o = run(out, "reproduce", "mexican-hat", "--methods", "SG-BP,SG-RFG-L", "--iterations", "200",
                "--batch", "100", "--lr", "1e6", "--eval-every", "100");

        assertThat(o.code()).as(o.err()).isEqualTo(1);
        assertThat(o.err()).contains("SG-BP seed 0 diverged at iteration", "SG-RFG-L seed 0 diverged at iteration");
        ResultsJson.Results results = new ResultsJson().read(Files.readAllBytes(out.resolve("results.json")));
        assertThat(results.runs()).hasSize(2).allSatisfy(r -> {
            assertThat(r.divergence()).isNotNull();
            assertThat(r.divergence().iteration()).isBetween(1, 200);
            assertThat(r.relL2()).isNaN();
        });
        assertThat(Files.readString(out.resolve("report.md"))).contains("**Diverged**", "diverged at iteration");
    }

    @Test
    void divergedCandidatesAreDroppedFromTheRateChoice(@TempDir Path out) throws Exception {
        Outcome o = run(out, "reproduce", "mexican-hat", "--methods", "SG-BP", "--iterations", "60", "--batch", "100",
                "--eval-every", "60", "--select-lr", "1e6,0.003");

        assertThat(o.code()).as(o.err()).isZero();
        ResultsJson.Results results = new ResultsJson().read(Files.readAllBytes(out.resolve("results.json")));
        assertThat(results.runs()).singleElement().satisfies(r -> assertThat(r.lr()).isEqualTo(0.003));
        assertThat(results.lrTrials()).filteredOn(t -> t.lr() == 1e6).singleElement()
                .satisfies(t -> assertThat(t.diverged()).isTrue());
        assertThat(results.lrTrials()).filteredOn(t -> t.lr() == 0.003).singleElement()
                .extracting(LrTrial::diverged).isEqualTo(false);
    }

    @Test
    void everyCandidateDivergingExitsOne(@TempDir Path out) {
        Outcome o = run(out, "reproduce", "mexican-hat", "--methods", "SG-BP", "--iterations", "60", "--batch", "100",
                "--eval-every", "60", "--select-lr", "1e6,1e7");

        assertThat(o.code()).as(o.err()).isEqualTo(1);
        assertThat(o.err()).contains("every learning rate in [1000000.0, 1.0E7] diverged for SG-BP");
        assertThat(out.resolve("results.json")).doesNotExist();
    }
}
