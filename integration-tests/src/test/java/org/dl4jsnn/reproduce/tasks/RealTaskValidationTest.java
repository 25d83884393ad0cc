package org.dl4jsnn.reproduce.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.dl4jsnn.reproduce.Dl4jSnnCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the real tasks refuse up front: batches larger than the data, directions that cannot fit. */
class RealTaskValidationTest {

    private record Outcome(int code, String err) {
    }

    private static Outcome run(Path out, String... args) {
        StringWriter err = new StringWriter();
        int code = new Dl4jSnnCli(Tasks.registry()).execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                Args.concat(args, "--out", out.toString(), "--progress", "none"));
        return new Outcome(code, err.toString());
    }

    @Test
    void aBatchLargerThanTheTrainingSetIsRefused(@TempDir Path tmp) {
        Outcome o = run(tmp.resolve("a"), "reproduce", "mexican-hat", "--batch", "20000");
        assertThat(o.code()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).contains("--batch", "10000 rows", "20000");
        assertThat(tmp.resolve("a")).doesNotExist();

        // the rate trials train without the validation fold: 9,000 of the 10,000 points
        Outcome trials = run(tmp.resolve("b"), "reproduce", "mexican-hat", "--batch", "9500", "--select-lr",
                "0.001,0.003");
        assertThat(trials.code()).as(trials.err()).isEqualTo(2);
        assertThat(trials.err()).contains("--batch", "9000 rows");

        Outcome poisson = run(tmp.resolve("c"), "reproduce", "poisson-deeponet", "--batch", "80001");
        assertThat(poisson.code()).as(poisson.err()).isEqualTo(2);
        assertThat(poisson.err()).contains("80000 rows");
    }

    @Test
    void directionsThatCannotFitAreRefusedWithTheNumbers(@TempDir Path tmp) {
        long heapGb = Runtime.getRuntime().maxMemory() / 1_000_000_000L;
        Outcome o = run(tmp.resolve("a"), "reproduce", "mexican-hat", "--methods", "SG-RFG-G", "--directions",
                "20000", "--iterations", "1");
        assertThat(o.code()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).contains("SG-RFG-GxK20000", "GB of heap per iteration", "this JVM may use " + heapGb)
                .doesNotContain("\tat ");

        StringWriter benchErr = new StringWriter();
        int benchCode = new Dl4jSnnCli(Tasks.registry()).execute(new PrintWriter(new StringWriter()),
                new PrintWriter(benchErr), "bench", "--directions", "1,200000", "--batches", "10000", "--out",
                tmp.resolve("b").toString());
        Outcome bench = new Outcome(benchCode, benchErr.toString());
        assertThat(bench.code()).as(bench.err()).isEqualTo(2);
        assertThat(bench.err()).contains("RFG-G at K = 200000, batch 10000", "GB of heap per iteration");
        assertThat(tmp.resolve("b")).doesNotExist();
    }
}
