package org.dl4jsnn.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

class BenchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void benchPrintsATableWithRatiosToBpAndWritesBenchJson() throws IOException {
        FakeBenchmarkRunner bench = new FakeBenchmarkRunner();
        CliHarness cli = new CliHarness(new TaskRegistry(List.of(FakeTaskRunner.grid("mexican-hat")), bench));

        CliHarness.Result r = cli.run("bench", "--batches", "1000", "--time-steps", "32,512", "--directions", "1,4",
                "--warmup", "0", "--iterations", "2", "--out", tmp.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(bench.received).isEqualTo(new BenchSettings(List.of(1000), List.of(32, 512), List.of(1, 4), 0, 2));
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("method\\s+batch\\s+T\\s+K\\s+ms/iter\\s+cpu ms\\s+MFLOP\\s+GFLOP/s\\s+eff\\s+peak MB"
                + "\\s+spike rate\\s+x BP");
        assertThat(lines.get(1)).matches("-+");
        // BP at batch 1000, T 32 takes 32 ms; RFG-G K=4 takes 2 * 32 * 4 = 256 ms: 8x BP. No CPU time and no
        // PEAK row here: GFLOP/s from wall time (66 MFLOP / 32 ms = 2.06), efficiency n/a
        assertThat(lines).anyMatch(l -> l.matches(
                "BP\\s+1000\\s+32\\s+1\\s+32\\.000\\s+n/a\\s+66\\.00\\s+2\\.06\\s+n/a\\s+12\\.5\\s+0\\.200\\s+1\\.00"));
        assertThat(lines).anyMatch(l -> l.matches(
                "RFG-G\\s+1000\\s+32\\s+4\\s+256\\.000\\s+n/a\\s+280\\.00\\s+1\\.09\\s+n/a\\s+3\\.0\\s+0\\.200\\s+8\\.00"));
        assertThat(lines).anyMatch(l -> l.matches(
                "RFG-L\\s+1000\\s+512\\s+1\\s+1536\\.000\\s+n/a\\s+n/a\\s+n/a\\s+n/a\\s+3\\.5\\s+0\\.200\\s+3\\.00"));
        int width = lines.get(0).length();
        assertThat(lines.subList(2, 2 + 10)).allSatisfy(l -> assertThat(l).hasSize(width));

        JsonNode json = new ObjectMapper().readTree(tmp.resolve("bench.json").toFile());
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(10);
        JsonNode first = json.get(0);
        assertThat(first.fieldNames()).toIterable()
                .containsExactly("net", "method", "batch", "T", "K", "ms_per_iter", "mflop", "peak_mem_mb", "spike_rate",
                        "cpu_ms_per_iter");
        assertThat(first.get("method").asText()).isEqualTo("BP");
        assertThat(first.get("ms_per_iter").asDouble()).isEqualTo(32.0);
        assertThat(json.get(2).get("mflop").isNull()).as("NaN is written as null").isTrue();
    }

    @Test
    void threadsReachTheRunnerAndZeroIsRefusedWithItsRange() {
        FakeBenchmarkRunner bench = new FakeBenchmarkRunner();
        CliHarness cli = new CliHarness(new TaskRegistry(List.of(FakeTaskRunner.grid("mexican-hat")), bench));

        CliHarness.Result r = cli.run("bench", "--batches", "10000", "--time-steps", "32", "--directions", "1",
                "--warmup", "0", "--iterations", "1", "--threads", "2", "--out", tmp.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(bench.received.threads()).isEqualTo(2);

        CliHarness.Result bad = cli.run("bench", "--threads", "0", "--out", tmp.toString());
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("--threads: must be >= 1, got 0");
    }

    @Test
    void netsReachTheRunnerDefaultToTheMexicanHatAndUnknownOnesAreRefusedWithTheChoices() {
        FakeBenchmarkRunner bench = new FakeBenchmarkRunner();
        CliHarness cli = new CliHarness(new TaskRegistry(List.of(FakeTaskRunner.grid("mexican-hat")), bench));

        CliHarness.Result defaults = cli.run("bench", "--batches", "10", "--time-steps", "3", "--directions", "1",
                "--warmup", "0", "--iterations", "1", "--out", tmp.toString());
        assertThat(defaults.exitCode()).as(defaults.err()).isZero();
        assertThat(bench.received.nets()).containsExactly("mexican-hat");

        CliHarness.Result ops = cli.run("bench", "--batches", "10", "--time-steps", "3", "--directions", "1",
                "--warmup", "0", "--iterations", "1", "--nets", "poisson-deeponet,diffusion-reaction-seponet",
                "--out", tmp.toString());
        assertThat(ops.exitCode()).as(ops.err()).isZero();
        assertThat(bench.received.nets()).containsExactly("poisson-deeponet", "diffusion-reaction-seponet");

        CliHarness.Result bad = cli.run("bench", "--nets", "poisson", "--out", tmp.toString());
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("--nets: unknown net 'poisson'; choose from mexican-hat, poisson-deeponet,"
                + " diffusion-reaction-seponet");
    }

    @Test
    void benchWithoutABenchmarkRunnerFails() {
        CliHarness cli = new CliHarness(new TaskRegistry(List.of(), null));

        CliHarness.Result r = cli.run("bench", "--out", tmp.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("no benchmark");
        assertThat(tmp.resolve("bench.json")).doesNotExist();
    }

    @Test
    void helpListsTasksAndMethodForms() {
        CliHarness.Result r = new CliHarness(FakeTaskRunner.grid("mexican-hat")).run("reproduce", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("mexican-hat: Fake mexican-hat task", "default methods: SG-BP, SG-RFG-L",
                "--resume", "--force", "<SG|WSG>-<BP|RFG-G|RFG-L|RFG-A>");
    }
}
