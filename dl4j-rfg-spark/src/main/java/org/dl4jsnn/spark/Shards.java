package org.dl4jsnn.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Splits minibatches row-wise into equal-as-possible shards, one partition per shard. */
public final class Shards {

    private Shards() {
    }

    /**
     * Partition p holds the p-th row block of every minibatch, in order; blocks differ by at most one row.
     * Spark's parallelize cuts a list into contiguous equal slices, so the list is laid out shard-major.
     */
    public static JavaRDD<MultiDataSet> of(JavaSparkContext sc, List<? extends MultiDataSet> batches, int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be >= 1, got " + shards);
        }
        List<MultiDataSet> laid = new ArrayList<>();
        for (int p = 0; p < shards; p++) {
            for (MultiDataSet b : batches) {
                laid.add(rows(b, p, shards));
            }
        }
        return sc.parallelize(laid, shards);
    }

    static MultiDataSet rows(MultiDataSet batch, int shard, int shards) {
        long n = batch.getFeatures(0).size(0);
        if (n < shards) {
            throw new IllegalArgumentException("a minibatch of " + n + " rows cannot be cut into " + shards + " shards");
        }
        long from = n * shard / shards;
        long to = n * (shard + 1) / shards;
        INDArray[] f = new INDArray[batch.numFeatureArrays()];
        for (int i = 0; i < f.length; i++) {
            f[i] = batch.getFeatures(i).get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup();
        }
        INDArray[] l = new INDArray[batch.numLabelsArrays()];
        for (int i = 0; i < l.length; i++) {
            l[i] = batch.getLabels(i).get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup();
        }
        return new org.nd4j.linalg.dataset.MultiDataSet(f, l);
    }
}
