package org.dl4jsnn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dl4jsnn.reproduce.BenchRow;
import org.dl4jsnn.reproduce.BenchSettings;
import org.dl4jsnn.reproduce.bench.BenchTable;
import org.dl4jsnn.reproduce.json.BenchJson;
import org.dl4jsnn.reproduce.tasks.IterationBenchmarkRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the benchmark tiny (batch 16, T = 4, 2 iterations): rows, numbers, table and JSON. No timing claims. */
class IterationBenchmarkSmokeTest {

    private static final IterationBenchmark.Config TINY = IterationBenchmark.Config.defaults()
            .withSizes(List.of(16), List.of(4))
            .withDirections(List.of(1, 4, 16), List.of(1))
            .withIterations(1, 2, 2, 1)
            .withProbeSamples(2);

    private static List<BenchResult> results;
    private static final List<String> LOG = new ArrayList<>();

    @BeforeAll
    static void runOnce() {
        results = new IterationBenchmark(LOG::add).run(TINY);
    }

    @Test
    void everyMethodHasAResultWithPositiveFiniteNumbers() {
        assertThat(results).extracting(r -> r.method() + "/" + r.directions())
                .containsExactly("FWD/1", "BP/1", "RFG-G/1", "RFG-L/1", "RFG-A/1", "RFG-G/4", "RFG-G/16");
        for (BenchResult r : results) {
            assertThat(r.status()).isEqualTo(BenchResult.OK);
            assertThat(r.batch()).isEqualTo(16);
            assertThat(r.timeSteps()).isEqualTo(4);
            assertThat(r.iterations()).isEqualTo(2);
            assertThat(r.msPerIter()).isPositive().isFinite();
            assertThat(r.msMean()).isPositive().isFinite();
            assertThat(r.mflop()).isPositive().isFinite();
            assertThat(r.peakMemMb()).isFinite().isGreaterThanOrEqualTo(0);
            assertThat(r.allocMbPerIter()).isFinite().isGreaterThanOrEqualTo(0);
            assertThat(r.spikeRate()).isBetween(0.0, 1.0);
            assertThat(r.msynop()).isFinite().isGreaterThanOrEqualTo(0);
        }
        assertThat(LOG).hasSize(results.size());
        BenchResult activity = results.get(4);
        assertThat(activity.mflop()).isEqualTo(FlopCount.count(IterationBenchmark.WIDTHS, 16, 4,
                BenchMethod.activity(1)).mflop());
    }

    @Test
    void rowsFeedTheBenchCommandsTableAndJson() {
        List<BenchRow> rows = results.stream().map(IterationBenchmarkRunner::toRow).toList();
        String table = BenchTable.render(rows);
        assertThat(table.lines()).hasSize(2 + rows.size());
        assertThat(table.lines().skip(3).findFirst().orElseThrow()).startsWith("BP").endsWith("1.00");
        assertThat(new BenchJson().read(new BenchJson().write(rows))).isEqualTo(rows);
    }

    @Test
    void theCommandsRunnerMeasuresEveryRequestedDirectionCount() {
        List<BenchRow> rows = new IterationBenchmarkRunner(s -> { })
                .run(new BenchSettings(List.of(8), List.of(3), List.of(1, 2), 1, 2));
        assertThat(rows).extracting(r -> r.method() + "/" + r.directions())
                .containsExactly("PEAK/1", "FWD/1", "BP/1", "RFG-G/1", "RFG-L/1", "RFG-A/1", "RFG-G/2");
        assertThat(rows).allSatisfy(r -> assertThat(r.msPerIter()).isPositive());
        // the yardstick: 2 n^3 FLOP of a 1024^2 SGEMM, a positive rate
        assertThat(rows.get(0).mflop()).isEqualTo(2.0 * 1024 * 1024 * 1024 / 1e6);
        assertThat(rows.get(0).gflopPerSecond()).isPositive().isFinite();
    }
}
