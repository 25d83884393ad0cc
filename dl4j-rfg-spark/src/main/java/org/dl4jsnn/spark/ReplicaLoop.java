package org.dl4jsnn.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.train.RfgComputationGraph;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import scala.collection.JavaConverters;
import scala.runtime.AbstractFunction1;

/**
 * One barrier task: a replica of the network trained on its partition's shard (docs/design.md section 9).
 * The partition holds the shard's minibatches; step t trains on minibatch t mod m of every shard. The
 * replica starts from the broadcast model, or, when a retried stage finds checkpoints, from the newest
 * one every replica sees.
 */
final class ReplicaLoop extends AbstractFunction1<scala.collection.Iterator<MultiDataSet>,
        scala.collection.Iterator<ReplicaResult>> implements Serializable {

    private final Broadcast<byte[]> model;
    private final SparkTrainingConfig config;

    ReplicaLoop(Broadcast<byte[]> model, SparkTrainingConfig config) {
        this.model = model;
        this.config = config;
    }

    @Override
    public scala.collection.Iterator<ReplicaResult> apply(scala.collection.Iterator<MultiDataSet> partition) {
        BarrierTaskContext ctx = BarrierTaskContext.get();
        List<MultiDataSet> shard = new ArrayList<>();
        Iterator<MultiDataSet> it = JavaConverters.asJavaIteratorConverter(partition).asJava();
        it.forEachRemaining(shard::add);
        BarrierGather gather = new BarrierGather(ctx);
        long[] totals = totalRows(gather, shard, ctx.partitionId());

        ComputationGraph initial = ModelBytes.restore(model.value());
        long base = initial.getConfiguration().getIterationCount();
        long end = base + config.iterations();
        CheckpointDirectory checkpoints = new CheckpointDirectory(config.checkpointDir());
        long resume = agreedCheckpoint(gather, checkpoints);
        ComputationGraph start = resume > base ? ModelBytes.restore(checkpoints.read(resume)) : initial;

        ShardRows rows = new ShardRows();
        ComputationGraph net;
        if (config.isRfg()) {
            RfgComputationGraph rfg = RfgComputationGraph.wrap(start, config.rfg().settings());
            rfg.setDirectionalDerivativeExchange(new LdotExchange(gather, rows));
            net = rfg;
        } else {
            net = GradientExchangingGraph.of(start, gather, rows);
        }
        long from = net.getConfiguration().getIterationCount();
        long t0 = System.nanoTime();
        for (long i = from; i < end; i++) {
            int b = (int) ((i - base) % shard.size());
            rows.set(shard.get(b).getFeatures(0).size(0), totals[b]);
            net.fit(shard.get(b));
            long done = i + 1;
            config.hook().afterStep(ctx.partitionId(), ctx.stageAttemptNumber(), done);
            if (ctx.partitionId() == 0 && (done - base) % config.checkpointEvery() == 0 && done < end) {
                checkpoints.write(done, ModelBytes.of(net));
            }
        }
        double ms = end > from ? (System.nanoTime() - t0) / 1e6 / (end - from) : 0;
        ReplicaResult r = new ReplicaResult(ctx.partitionId(), ctx.stageAttemptNumber(), from,
                ModelBytes.checksum(net), gather.count(), ms, ctx.partitionId() == 0 ? ModelBytes.of(net) : null);
        return JavaConverters.asScalaIteratorConverter(List.of(r).iterator()).asScala();
    }

    /** The whole batch's rows at each minibatch index; every shard must hold as many minibatches. */
    private static long[] totalRows(BarrierGather gather, List<MultiDataSet> shard, int partition) {
        double[] mine = new double[shard.size()];
        for (int b = 0; b < mine.length; b++) {
            mine[b] = shard.get(b).getFeatures(0).size(0);
        }
        double[][] all = gather.gather(mine);
        long[] totals = new long[mine.length];
        for (int p = 0; p < all.length; p++) {
            if (all[p].length != mine.length || mine.length == 0) {
                throw new IllegalArgumentException("every partition must hold the same number (>= 1) of minibatches:"
                        + " partition " + partition + " holds " + mine.length + ", partition " + p + " "
                        + all[p].length);
            }
            for (int b = 0; b < mine.length; b++) {
                totals[b] += (long) all[p][b];
            }
        }
        return totals;
    }

    /**
     * The checkpoint every replica can read: the oldest of the newest ones they see (a replica of the failed
     * attempt may still have written one after another replica looked), or -1 for none.
     */
    private static long agreedCheckpoint(BarrierGather gather, CheckpointDirectory checkpoints) {
        double[][] seen = gather.gather(new double[] {checkpoints.newest().orElse(-1)});
        long agreed = Long.MAX_VALUE;
        for (double[] s : seen) {
            agreed = Math.min(agreed, (long) s[0]);
        }
        return agreed;
    }
}
