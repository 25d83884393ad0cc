package org.dl4jsnn.spark;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The back-propagation baseline's replica: after back-propagation fills the d-entry gradient of its
 * shard's summed loss, the gradient is all-gathered and replaced by the whole batch's (docs/design.md
 * section 9), before DL4J's updater reads it. The exchange RFG avoids: d numbers per step, not K.
 */
final class GradientExchangingGraph extends ComputationGraph {

    private final transient BarrierGather gather;
    private final transient ShardRows rows;

    GradientExchangingGraph(ComputationGraphConfiguration conf, BarrierGather gather, ShardRows rows) {
        super(conf);
        this.gather = gather;
        this.rows = rows;
    }

    /** Same parameters, updater state and counters as {@code net}. */
    static GradientExchangingGraph of(ComputationGraph net, BarrierGather gather, ShardRows rows) {
        ComputationGraphConfiguration conf = net.getConfiguration().clone();
        conf.setIterationCount(net.getConfiguration().getIterationCount());
        conf.setEpochCount(net.getConfiguration().getEpochCount());
        GradientExchangingGraph g = new GradientExchangingGraph(conf, gather, rows);
        g.init(net.params().dup(), false);
        INDArray state = net.getUpdater() == null ? null : net.getUpdater().getStateViewArray();
        if (state != null) {
            g.getUpdater().setStateViewArray(state.dup());
        }
        return g;
    }

    @Override
    public void computeGradientAndScore(LayerWorkspaceMgr mgr) {
        super.computeGradientAndScore(mgr);
        double[] whole = ShardAverage.combine(gather.step(flattenedGradients.toDoubleVector()), rows.local(),
                rows.total());
        flattenedGradients.assign(Nd4j.create(whole, flattenedGradients.shape(), 'c')
                .castTo(flattenedGradients.dataType()));
    }
}
