package org.dl4jsnn.spark;

import org.apache.spark.BarrierTaskContext;

/**
 * All-gather of a double vector among the tasks of a barrier stage; counts what each training step sends.
 * {@code allGather} also synchronises the tasks, so no replica runs ahead by more than one step.
 */
final class BarrierGather {

    private final BarrierTaskContext context;
    private ExchangeCount count = ExchangeCount.NONE;

    BarrierGather(BarrierTaskContext context) {
        this.context = context;
    }

    /** A training step's exchange: counted. Rows are in partition order. */
    double[][] step(double[] values) {
        count = count.plus(values.length);
        return gather(values);
    }

    /** Setup (shard sizes, the checkpoint to resume from): not counted as step traffic. */
    double[][] gather(double[] values) {
        String[] all = context.allGather(DoubleCodec.encode(values));
        double[][] out = new double[all.length][];
        for (int p = 0; p < all.length; p++) {
            out[p] = DoubleCodec.decode(all[p]);
        }
        return out;
    }

    ExchangeCount count() {
        return count;
    }
}
