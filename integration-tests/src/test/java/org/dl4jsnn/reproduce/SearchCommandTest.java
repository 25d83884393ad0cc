package org.dl4jsnn.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dl4jsnn.arbiter.run.CandidateRecordJson;
import org.dl4jsnn.arbiter.run.SearchFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dl4j-snn search}: a tiny Mexican-hat search end to end, resume, and rejected command lines. */
class SearchCommandTest {

    @TempDir
    Path tmp;

    private static CliHarness cli() {
        return new CliHarness(new TaskRegistry(List.of(FakeTaskRunner.grid("mexican-hat")), new FakeBenchmarkRunner()));
    }

    private String[] tiny(int candidates, String... more) {
        return CliHarness.concat(new String[] {"search", "mexican-hat", "--candidates", String.valueOf(candidates),
                "--iterations", "3", "--batch", "50", "--train-size", "200", "--out", tmp.toString()}, more);
    }

    @Test
    void writesTablePlotBestConfigurationAndModelThenResumes() throws Exception {
        CliHarness.Result r = cli().run(tiny(2));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("search mexican-hat: 2 candidates, best #");
        assertThat(r.err()).contains("[1/2] #0 ").contains("[2/2] #1 ");
        String md = Files.readString(tmp.resolve("results.md"));
        assertThat(md).contains("| rank | candidate | method |").contains("validation rel. L2").contains("scores.png");
        assertThat(md.lines().filter(l -> l.matches("\\| [12] \\| [01] \\|.*"))).hasSize(2);
        byte[] png = Files.readAllBytes(tmp.resolve("scores.png"));
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        var best = CandidateRecordJson.read(Files.readString(tmp.resolve(SearchFolder.BEST_CONFIG)));
        assertThat(md).contains("Best: candidate " + best.index());
        assertThat(Files.size(tmp.resolve(SearchFolder.BEST_MODEL))).isPositive();

        CliHarness.Result again = cli().run(tiny(3));
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("--resume").contains("--force");

        CliHarness.Result resumed = cli().run(tiny(3, "--resume"));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("#0").contains("#1").contains("finished by an earlier run")
                .contains("[3/3] #2 ");
        assertThat(resumed.err().lines().filter(l -> l.contains("finished by an earlier run"))).hasSize(2);

        CliHarness.Result changed = cli().run(tiny(3, "--resume", "--seed", "5"));
        assertThat(changed.exitCode()).isEqualTo(2);
        assertThat(changed.err()).contains("different seed");
    }

    @Test
    void badSpacesAndTasksAreUsageErrors() throws Exception {
        Path space = tmp.resolve("space.json");
        Files.writeString(space, "{\"surrogateWidth\": -1}");
        CliHarness.Result bad = cli().run("search", "mexican-hat", "--space", space.toString(), "--out",
                tmp.resolve("o").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("surrogateWidth").contains("> 0");
        assertThat(Files.exists(tmp.resolve("o"))).isFalse();
        CliHarness.Result task = cli().run("search", "cifar");
        assertThat(task.exitCode()).isEqualTo(2);
        assertThat(task.err()).contains("mexican-hat, poisson-deeponet");
    }
}
