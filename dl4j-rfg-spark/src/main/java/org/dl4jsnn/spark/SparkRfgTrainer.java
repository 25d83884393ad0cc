package org.dl4jsnn.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Data-parallel training of a ComputationGraph on Spark in barrier execution mode (docs/design.md
 * section 9): one replica per partition, all started together; per step RFG replicas all-gather K
 * directional derivatives (K per group for RFG-L), the back-propagation baseline the d-entry gradient.
 * The network is broadcast as DL4J's model zip; the trained one comes back from partition 0.
 *
 * <p>Cost floor: Spark 3.5's {@code BarrierTaskContext.allGather} polls its reply with a one-second sleep
 * (runBarrier), so a step costs about a second whatever the model; see the README's table.
 */
public final class SparkRfgTrainer {

    private final JavaSparkContext sc;

    public SparkRfgTrainer(JavaSparkContext sc) {
        this.sc = sc;
    }

    /** The outcome: the trained network and every replica's report. */
    public record Result(ComputationGraph network, List<ReplicaResult> replicas) {

        public ExchangeCount exchangedPerReplica() {
            return replicas.get(0).exchanged();
        }

        public double millisPerStep() {
            return replicas.stream().mapToDouble(ReplicaResult::millisPerStep).max().orElse(Double.NaN);
        }
    }

    /**
     * @param net    the network to train (left untouched; its iteration count is where training starts)
     * @param shards one partition per replica, each holding its shard's minibatches in training order
     */
    public Result fit(ComputationGraph net, JavaRDD<MultiDataSet> shards, SparkTrainingConfig config) {
        int partitions = shards.getNumPartitions();
        if (partitions < 1) {
            throw new IllegalArgumentException("shards must have at least one partition, got " + partitions);
        }
        Broadcast<byte[]> model = sc.broadcast(ModelBytes.of(net));
        try {
            ClassTag<ReplicaResult> tag = ClassTag$.MODULE$.apply(ReplicaResult.class);
            RDD<ReplicaResult> out = shards.rdd().barrier().mapPartitions(new ReplicaLoop(model, config), false, tag);
            // the shuffle makes the barrier stage a shuffle-map stage: Spark resubmits a failed one (up to
            // spark.stage.maxConsecutiveAttempts), while it aborts a failed barrier result stage
            List<ReplicaResult> replicas = new ArrayList<>(new JavaRDD<>(out, tag).repartition(1).collect());
            replicas.sort(Comparator.comparingInt(ReplicaResult::partition));
            return new Result(ModelBytes.restore(replicas.get(0).model()), List.copyOf(replicas));
        } finally {
            model.destroy();
        }
    }
}
