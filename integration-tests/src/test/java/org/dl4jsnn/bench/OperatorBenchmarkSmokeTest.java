package org.dl4jsnn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.dl4jsnn.init.InitScheme;
import org.dl4jsnn.operator.SpikingDeepOnet;
import org.dl4jsnn.operator.SpikingSepOnet;
import org.dl4jsnn.reproduce.BenchRow;
import org.dl4jsnn.reproduce.BenchSettings;
import org.dl4jsnn.reproduce.bench.BenchTable;
import org.dl4jsnn.reproduce.json.BenchJson;
import org.dl4jsnn.reproduce.tasks.IterationBenchmarkRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The operator benchmark on tiny networks and synthetic inputs (uniform on [-1, 1] for the sensors, [0, 1]
 * for the coordinates: the ranges of the tasks' data): every method gives a row with sane numbers, the
 * count of {@link FlopCount}, and the bench's table and JSON carry the net. No timing claims.
 */
class OperatorBenchmarkSmokeTest {

    private static final IterationBenchmark.Config TINY = IterationBenchmark.Config.defaults()
            .withIterations(1, 2, 2, 1).withProbeSamples(2);
    private static final List<BenchMethod> METHODS = List.of(BenchMethod.forward(), BenchMethod.bp(),
            BenchMethod.global(1), BenchMethod.layerwise(1), BenchMethod.layerwise(1).withStein());

    private static List<BenchResult> results;
    private static final List<String> LOG = new ArrayList<>();

    @BeforeAll
    static void runOnce() {
        results = new OperatorBenchmark(LOG::add).run(List.of(tinyDeepOnet(), tinySepOnet()), METHODS, TINY);
    }

    static OperatorWorkload tinyDeepOnet() {
        int pairs = 6;
        MultiDataSet data = new MultiDataSet(new INDArray[] {uniform(pairs, 4, -1, 1), uniform(pairs, 1, 0, 1)},
                new INDArray[] {uniform(pairs, 1, -1, 1)});
        return new OperatorWorkload("tiny-deeponet", pairs, 3, 0.3, OperatorShape.deepOnet(pairs, 4, 3, 2),
                s -> SpikingDeepOnet.builder().sensors(4).hidden(3).latent(2).timeSteps(3).surrogate(s).seed(5)
                        .init(InitScheme.FAN_IN_UNIFORM).build(), data);
    }

    static OperatorWorkload tinySepOnet() {
        MultiDataSet data = new MultiDataSet(new INDArray[] {uniform(2, 5, -1, 1), uniform(3, 1, 0, 1),
            uniform(4, 1, 0, 1)}, new INDArray[] {uniform(2, 12, -1, 1)});
        return new OperatorWorkload("tiny-seponet", 2, 3, 0.5, OperatorShape.sepOnet(2, 5, 3, 4, 3, 2),
                s -> SpikingSepOnet.builder().sensors(5).grid(3, 4).hidden(3).rank(2).timeSteps(3).surrogate(s)
                        .seed(5).init(InitScheme.FAN_IN_UNIFORM).build(), data);
    }

    private static INDArray uniform(int rows, int cols, double lo, double hi) {
        return Nd4j.rand(DataType.FLOAT, rows, cols).muli(hi - lo).addi(lo);
    }

    @Test
    void everyNetAndMethodHasARowWithSaneNumbers() {
        assertThat(results).extracting(r -> r.net() + "/" + r.method()).containsExactly(
                "tiny-deeponet/FWD", "tiny-deeponet/BP", "tiny-deeponet/RFG-G", "tiny-deeponet/RFG-L",
                "tiny-deeponet/WSG-RFG-L", "tiny-seponet/FWD", "tiny-seponet/BP", "tiny-seponet/RFG-G",
                "tiny-seponet/RFG-L", "tiny-seponet/WSG-RFG-L");
        for (BenchResult r : results) {
            assertThat(r.status()).isEqualTo(BenchResult.OK);
            assertThat(r.timeSteps()).isEqualTo(3);
            assertThat(r.iterations()).isEqualTo(2);
            assertThat(r.msPerIter()).isPositive().isFinite();
            assertThat(r.peakMemMb()).isFinite().isGreaterThanOrEqualTo(0);
            assertThat(r.spikeRate()).isBetween(0.0, 1.0);
        }
        assertThat(results.get(0).batch()).isEqualTo(6);
        assertThat(results.get(5).batch()).isEqualTo(2);
        assertThat(LOG).hasSize(results.size());
    }

    @Test
    void rowsCarryTheOperatorCountOfTheirMethod() {
        OperatorWorkload deep = tinyDeepOnet();
        for (int i = 0; i < 4; i++) {
            assertThat(results.get(i).mflop())
                    .isEqualTo(FlopCount.count(deep.shape(), 3, METHODS.get(i)).mflop());
        }
        // a layer-wise direction per parameter layer: RFG-L counts more tangent work than one global direction
        assertThat(results.get(3).mflop()).isGreaterThan(results.get(2).mflop());
    }

    @Test
    void tableShowsTheNetAndComparesEachRowWithItsOwnNetsBp() {
        List<BenchRow> rows = results.stream().map(IterationBenchmarkRunner::toRow).toList();
        String table = BenchTable.render(rows);
        assertThat(table.lines().findFirst().orElseThrow()).startsWith("net");
        assertThat(table.lines().filter(l -> l.contains(" BP ")).toList())
                .hasSize(2).allSatisfy(l -> assertThat(l).endsWith("1.00"));
        assertThat(new BenchJson().read(new BenchJson().write(rows))).isEqualTo(rows);
    }

    @Test
    void settingsNameTheNetsTheBenchKnows() {
        BenchSettings s = new BenchSettings(List.of(8), List.of(3), List.of(1), 1, 2, false, 1,
                List.of("diffusion-reaction-seponet", "mexican-hat"));
        assertThat(s.nets()).containsExactly("mexican-hat", "diffusion-reaction-seponet");
        assertThatThrownBy(() -> new BenchSettings(List.of(8), List.of(3), List.of(1),
                1, 2, false, 1, List.of("poisson"))).hasMessageContaining("unknown net 'poisson'");
    }
}
