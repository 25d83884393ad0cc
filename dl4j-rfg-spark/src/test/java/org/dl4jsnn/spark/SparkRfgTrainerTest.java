package org.dl4jsnn.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.estimator.DirectionDistribution;
import org.dl4jsnn.estimator.Perturbation;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.train.RfgComputationGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Data-parallel training on local[2] (two replicas, two shards of one minibatch) against single-process
 * training on the whole minibatch (docs/design.md section 9).
 *
 * <p>Bound: the shards' derivatives are summed in another order than the whole batch's rows, which
 * changes the last bits of each step (relative ~1e-16); Adam's normalised steps carry that through 50
 * steps of a double-precision network. A relative difference of 1e-10 of the largest parameter leaves
 * six orders of magnitude for that round-off and fails on any real difference (one mis-weighted shard
 * moves parameters by ~1e-3 in 50 steps).
 */
class SparkRfgTrainerTest {

    private static final double BOUND = 1e-10;
    private static final int ITERATIONS = 50;
    /**
     * The shorter runs: Spark 3.5's allGather polls with a one-second sleep, so each step costs ~1 s;
     * 50 steps are kept for the whole-batch equality, 10 prove the weighting of RFG-L and BP.
     */
    private static final int SHORT = 10;
    private static final int RETRIED = 30;
    private static final long NET_SEED = 7;
    /** "local[2,4]": two cores, a task may fail up to 4 times (plain local[N] never retries). */
    private static JavaSparkContext sc;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2,4]").setAppName("SparkRfgTrainerTest")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                // lz4 as everywhere else: zstd's natives are left out of the build (see the pom)
                .set("spark.shuffle.mapStatus.compression.codec", "lz4"));
    }

    @AfterAll
    static void stop() {
        sc.stop();
    }

    private static RfgSettings globalK(int k) {
        return new RfgSettings(Perturbation.GLOBAL, k, DirectionDistribution.RADEMACHER, 11);
    }

    private static RfgSettings layerwiseK(int k) {
        return new RfgSettings(Perturbation.LAYERWISE, k, DirectionDistribution.RADEMACHER, 11);
    }

    private static ComputationGraph singleProcess(ComputationGraph net, MultiDataSet batch, int iterations) {
        for (int i = 0; i < iterations; i++) {
            net.fit(batch);
        }
        return net;
    }

    private SparkRfgTrainer.Result distributed(SparkTrainingConfig config, MultiDataSet batch) {
        return new SparkRfgTrainer(sc).fit(MexicanHatNets.network(NET_SEED), Shards.of(sc, List.of(batch), 2), config);
    }

    private static void assertClose(ComputationGraph expected, ComputationGraph actual) {
        double[] e = expected.params().toDoubleVector();
        double[] a = actual.params().toDoubleVector();
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < e.length; i++) {
            scale = Math.max(scale, Math.abs(e[i]));
            diff = Math.max(diff, Math.abs(e[i] - a[i]));
        }
        assertThat(actual.getConfiguration().getIterationCount()).isEqualTo(expected.getConfiguration().getIterationCount());
        // the run moved the parameters, so equality is not that of two untrained copies
        assertThat(diff).isLessThanOrEqualTo(BOUND * scale);
        double moved = 0;
        double[] init = MexicanHatNets.network(NET_SEED).params().toDoubleVector();
        for (int i = 0; i < e.length; i++) {
            moved = Math.max(moved, Math.abs(e[i] - init[i]));
        }
        assertThat(moved).isGreaterThan(1e-3);
    }

    private static void assertReplicasIdentical(SparkRfgTrainer.Result r) {
        assertThat(r.replicas()).hasSize(2);
        assertThat(r.replicas().get(1).checksum()).isEqualTo(r.replicas().get(0).checksum());
        assertThat(ModelBytes.checksum(r.network())).isEqualTo(r.replicas().get(0).checksum());
    }

    @Test
    void globalRfgOnTwoShardsEqualsWholeBatchAndSendsKDoublesPerStep() {
        MultiDataSet batch = MexicanHatNets.batch(64, 3);
        RfgSettings settings = globalK(4);
        SparkRfgTrainer.Result r = distributed(SparkTrainingConfig.rfg(settings, ITERATIONS, 25, tmp.toString()), batch);

        assertClose(singleProcess(RfgComputationGraph.wrap(MexicanHatNets.network(NET_SEED), settings), batch, ITERATIONS),
                r.network());
        assertReplicasIdentical(r);
        for (ReplicaResult replica : r.replicas()) {
            assertThat(replica.exchanged().steps()).isEqualTo(ITERATIONS);
            assertThat(replica.exchanged().payloadBytes()).isEqualTo(ITERATIONS * 4L * 8);
            // Base64 framing: 32 payload bytes are 44 characters
            assertThat(replica.exchanged().wireBytes()).isEqualTo(ITERATIONS * 44L);
        }
    }

    @Test
    void layerwiseRfgSendsKDoublesPerGroupAndEqualsWholeBatch() {
        MultiDataSet batch = MexicanHatNets.batch(64, 4);
        RfgSettings settings = layerwiseK(2);
        SparkRfgTrainer.Result r = distributed(SparkTrainingConfig.rfg(settings, SHORT, 5, tmp.toString()), batch);

        assertClose(singleProcess(RfgComputationGraph.wrap(MexicanHatNets.network(NET_SEED), settings), batch, SHORT),
                r.network());
        assertReplicasIdentical(r);
        // three layers with parameters (spikes0, spikes1, u), K = 2 each
        assertThat(r.exchangedPerReplica().payloadBytes()).isEqualTo(SHORT * 3L * 2 * 8);
    }

    @Test
    void backpropBaselineEqualsWholeBatchAndSendsTheGradient() {
        MultiDataSet batch = MexicanHatNets.batch(64, 5);
        SparkRfgTrainer.Result r = distributed(SparkTrainingConfig.backprop(SHORT, 5, tmp.toString()), batch);

        assertClose(singleProcess(MexicanHatNets.network(NET_SEED), batch, SHORT), r.network());
        assertReplicasIdentical(r);
        long d = MexicanHatNets.network(NET_SEED).numParams();
        assertThat(r.exchangedPerReplica().payloadBytes()).isEqualTo(SHORT * d * 8);
    }

    @Test
    void aFailedTaskRetriesTheStageFromTheLastCheckpointToTheSameResult() {
        MultiDataSet batch = MexicanHatNets.batch(64, 6);
        RfgSettings settings = globalK(2);
        SparkRfgTrainer.Result retried = distributed(new SparkTrainingConfig(RfgSpec.of(settings), RETRIED, 10,
                tmp.toString(), new KillOnce(1, 20)), batch);

        for (ReplicaResult replica : retried.replicas()) {
            assertThat(replica.stageAttempt()).isGreaterThanOrEqualTo(1);
            // the kill came after step 20 of replica 1; replica 0 had written 10, maybe 20
            assertThat(replica.resumedFrom()).isIn(10L, 20L);
        }
        assertReplicasIdentical(retried);
        // an uninterrupted distributed run equals the single-process one within the bound (the tests above)
        assertClose(singleProcess(RfgComputationGraph.wrap(MexicanHatNets.network(NET_SEED), settings), batch, RETRIED),
                retried.network());
    }

    /** Fails one replica once, in the stage's first attempt, after a given step. */
    private record KillOnce(int partition, long iteration) implements IterationHook {
        @Override
        public void afterStep(int p, int stageAttempt, long it) {
            if (stageAttempt == 0 && p == partition && it == iteration) {
                throw new IllegalStateException("test: replica " + p + " killed after step " + it);
            }
        }
    }
}
