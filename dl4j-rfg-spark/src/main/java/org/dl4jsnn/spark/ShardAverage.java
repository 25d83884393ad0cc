package org.dl4jsnn.spark;

/**
 * The whole batch's derivative from the shards' (docs/design.md section 9). Each shard j of n_j rows
 * sends s_j, a derivative of its loss summed over its rows; the whole batch of N = sum n_j rows has the
 * summed-loss derivative sum_j s_j exactly, so its mean-loss derivative is sum_j s_j / N =
 * sum_j (n_j / N) (s_j / n_j): the shards' mean-loss derivatives averaged with weights n_j / N.
 * Shards are summed in partition order, so every replica gets the same bits.
 */
final class ShardAverage {

    private ShardAverage() {
    }

    /**
     * @param shardSums one row per shard (partition order): derivatives of the shard's summed loss
     * @param localRows this replica's minibatch rows, by which DL4J's updater will divide
     * @param totalRows the whole batch's rows
     * @return the whole batch's mean-loss derivatives times {@code localRows}: after the updater divides
     *         by {@code localRows}, every replica steps with the whole batch's mean-loss gradient
     */
    static double[] combine(double[][] shardSums, long localRows, long totalRows) {
        if (shardSums.length == 0) {
            throw new IllegalArgumentException("shardSums must hold at least one shard");
        }
        if (localRows < 1 || totalRows < localRows) {
            throw new IllegalArgumentException("need 1 <= localRows <= totalRows, got " + localRows + " and " + totalRows);
        }
        int n = shardSums[0].length;
        double[] sum = new double[n];
        for (double[] s : shardSums) {
            if (s.length != n) {
                throw new IllegalArgumentException("every shard sends " + n + " values, one sent " + s.length);
            }
            for (int i = 0; i < n; i++) {
                sum[i] += s[i];
            }
        }
        double scale = (double) localRows / totalRows;
        for (int i = 0; i < n; i++) {
            sum[i] *= scale;
        }
        return sum;
    }
}
