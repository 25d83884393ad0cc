package org.dl4jsnn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dl4jsnn.reproduce.BenchRow;
import org.dl4jsnn.reproduce.BenchSettings;
import org.dl4jsnn.reproduce.tasks.IterationBenchmarkRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/** Runs the benchmark tiny (batch 16, T = 4, 2 iterations): rows, numbers, table and JSON. No timing claims. */
class IterationBenchmarkSmokeTest {

    private static final IterationBenchmark.Config TINY = IterationBenchmark.Config.defaults()
            .withSizes(List.of(16), List.of(4))
            .withDirections(List.of(1, 4, 16), List.of(1))
            .withIterations(1, 2, 2, 1)
            .withProbeSamples(2);

    private static List<BenchResult> rows;
    private static final List<String> LOG = new ArrayList<>();

    @BeforeAll
    static void runOnce() {
        rows = new IterationBenchmark(LOG::add).run(TINY);
    }

    @Test
    void everyMethodHasARowWithPositiveFiniteNumbers() {
        assertThat(rows).extracting(r -> r.method() + "/" + r.directions())
                .containsExactly("BP/1", "RFG-G/1", "RFG-L/1", "RFG-G/4", "RFG-G/16");
        for (BenchResult r : rows) {
            assertThat(r.status()).isEqualTo(BenchResult.OK);
            assertThat(r.batch()).isEqualTo(16);
            assertThat(r.timeSteps()).isEqualTo(4);
            assertThat(r.iterations()).isEqualTo(2);
            assertThat(r.msPerIter()).isPositive().isFinite();
            assertThat(r.msMean()).isPositive().isFinite();
            assertThat(r.mflop()).isPositive().isFinite();
            assertThat(r.peakMemMb()).isFinite().isGreaterThanOrEqualTo(0);
            assertThat(r.polledHeapMb()).isFinite().isGreaterThanOrEqualTo(0);
            assertThat(r.allocMbPerIter()).isPositive().isFinite();
            assertThat(r.spikeRate()).isBetween(0.0, 1.0);
            assertThat(r.msynop()).isFinite().isGreaterThanOrEqualTo(0);
        }
        assertThat(LOG).hasSize(rows.size());
    }

    @Test
    void tableHasOneLinePerRowAndRatiosToBp() {
        String table = BenchResultTable.render(rows);
        assertThat(table.lines()).hasSize(2 + rows.size());
        assertThat(table.lines().skip(2).findFirst().orElseThrow()).startsWith("BP").contains("1.00");
    }

    @Test
    void jsonIsWrittenAndParses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested").resolve("bench.json");
        BenchResultJson.write(rows, file);
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        assertThat(root.isArray()).isTrue();
        assertThat(root).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode o = root.get(i);
            BenchResult r = rows.get(i);
            assertThat(o.get("method").asText()).isEqualTo(r.method());
            assertThat(o.get("batch").asInt()).isEqualTo(16);
            assertThat(o.get("T").asInt()).isEqualTo(4);
            assertThat(o.get("K").asInt()).isEqualTo(r.directions());
            assertThat(o.get("ms_per_iter").asDouble()).isEqualTo(r.msPerIter());
            assertThat(o.get("mflop").asDouble()).isEqualTo(r.mflop());
            assertThat(o.get("peak_mem_mb").isNumber()).isTrue();
        }
    }

    @Test
    void adapterReturnsBenchRows() {
        BenchSettings s = new BenchSettings(List.of(16), List.of(4), List.of(1, 2), 0, 1);
        IterationBenchmarkRunner runner = new IterationBenchmarkRunner(line -> { });
        List<BenchRow> bench = runner.run(s);
        assertThat(bench).extracting(r -> r.method() + "/" + r.directions())
                .containsExactly("BP/1", "RFG-G/1", "RFG-L/1", "RFG-G/2");
        assertThat(bench).allSatisfy(r -> assertThat(r.msPerIter()).isPositive());
    }

    @Test
    void flopCountFollowsTheFormula() {
        int[] w = IterationBenchmark.WIDTHS;
        // the estimate: a BP iteration at batch 1,000 and T = 32 is ~66 MFLOP
        double bp = FlopCount.count(w, 1000, 32, BenchMethod.bp()).mflop();
        assertThat(bp).isBetween(50.0, 80.0);
        // one global direction costs about one backward pass
        double g1 = FlopCount.count(w, 1000, 32, BenchMethod.global(1)).mflop();
        assertThat(g1 / bp).isBetween(0.8, 1.2);
        // K directions share one primal pass
        FlopCount.Breakdown k1 = FlopCount.count(w, 1000, 32, BenchMethod.global(1));
        FlopCount.Breakdown k16 = FlopCount.count(w, 1000, 32, BenchMethod.global(16));
        assertThat(k16.primal()).isEqualTo(k1.primal());
        assertThat(k16.tangents()).isCloseTo(16 * k1.tangents(), within(1e-6 * k16.tangents()));
        // layer-wise carries more tangents than global at the same K
        assertThat(FlopCount.count(w, 1000, 32, BenchMethod.layerwise(1)).tangents()).isGreaterThan(k1.tangents());
        assertThat(FlopCount.parameters(w)).isEqualTo(2 * 16 + 16 + 16 * 16 + 16 + 16 + 1);
        assertThat(FlopCount.synapticOps(w, 10, 4, new double[] {0.5, 0.25}))
                .isEqualTo(0.5 * 10 * 4 * 16 * 16 + 0.25 * 10 * 4 * 16);
    }

    @Test
    void commandLineParsesAndRejectsBadInput() {
        IterationBenchmark.CommandLine cl = IterationBenchmark.CommandLine.parse(new String[] {
            "--batches", "8,16", "--time-steps", "4", "--directions", "1,4", "--layerwise-directions", "",
            "--iterations", "2", "out/b.json"});
        assertThat(cl.config.batches()).containsExactly(8, 16);
        assertThat(cl.config.layerwiseDirections()).isEmpty();
        assertThat(cl.config.minIterations()).isEqualTo(2);
        assertThat(cl.out).isEqualTo(Path.of("out/b.json"));
        assertThatThrownBy(() -> IterationBenchmark.CommandLine.parse(new String[] {"--batches", "0"}))
                .hasMessageContaining("batches");
        assertThatThrownBy(() -> IterationBenchmark.CommandLine.parse(new String[] {"--bogus"}))
                .hasMessageContaining("--bogus");
    }
}
