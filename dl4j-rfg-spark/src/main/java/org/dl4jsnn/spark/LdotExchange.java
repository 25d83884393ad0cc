package org.dl4jsnn.spark;

import org.dl4jsnn.estimator.DirectionalDerivativeExchange;

/**
 * RFG's exchange: every replica sends the K directional derivatives (K per group for RFG-L) of its
 * shard's summed loss and estimates with the whole batch's (docs/design.md section 9). The directions
 * are not sent: every replica draws them from (seed, iteration).
 */
final class LdotExchange implements DirectionalDerivativeExchange {

    private final BarrierGather gather;
    private final ShardRows rows;

    LdotExchange(BarrierGather gather, ShardRows rows) {
        this.gather = gather;
        this.rows = rows;
    }

    @Override
    public double[] exchange(long iteration, double[] ldots) {
        return ShardAverage.combine(gather.step(ldots), rows.local(), rows.total());
    }
}
