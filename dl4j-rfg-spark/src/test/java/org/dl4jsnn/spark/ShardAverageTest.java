package org.dl4jsnn.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shard weighting (docs/design.md section 9) and the exact text encoding of the exchanged doubles. */
class ShardAverageTest {

    @Test
    void unequalShardsGiveTheWholeBatchsMeanDerivativeScaledToTheLocalRows() {
        // per-row derivatives of K = 2 directions; shard 0 holds rows 0-2, shard 1 rows 3-7
        SplittableRandom rng = new SplittableRandom(1);
        double[][] rows = new double[8][2];
        for (double[] r : rows) {
            r[0] = rng.nextDouble() - 0.5;
            r[1] = 10 * rng.nextDouble();
        }
        double[][] shardSums = {sum(rows, 0, 3), sum(rows, 3, 8)};
        double[] wholeMean = sum(rows, 0, 8);
        for (int k = 0; k < 2; k++) {
            wholeMean[k] /= 8;
        }
        double[] local = ShardAverage.combine(shardSums, 3, 8);
        for (int k = 0; k < 2; k++) {
            // DL4J divides by the replica's 3 rows
            assertThat(local[k] / 3).isCloseTo(wholeMean[k], within(1e-14 * Math.abs(wholeMean[k]) + 1e-300));
            // the unweighted mean of the shards' means is a different number for unequal shards
            double unweighted = (shardSums[0][k] / 3 + shardSums[1][k] / 5) / 2;
            assertThat(Math.abs(unweighted - wholeMean[k])).isGreaterThan(1e-6 * Math.abs(wholeMean[k]));
        }
    }

    @Test
    void refusesInconsistentShards() {
        assertThatThrownBy(() -> ShardAverage.combine(new double[][] {{1, 2}, {3}}, 1, 2))
                .hasMessageContaining("every shard sends 2 values");
        assertThatThrownBy(() -> ShardAverage.combine(new double[][] {{1}}, 3, 2))
                .hasMessageContaining("localRows <= totalRows");
    }

    @Test
    void theEncodingIsExactAndItsLengthIsBase64s() {
        double[] v = {Math.PI, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, 1e-300, -7.25};
        String text = DoubleCodec.encode(v);
        double[] back = DoubleCodec.decode(text);
        for (int i = 0; i < v.length; i++) {
            assertThat(Double.doubleToRawLongBits(back[i])).isEqualTo(Double.doubleToRawLongBits(v[i]));
        }
        // 56 bytes: 4 * ceil(56 / 3) = 76 characters
        assertThat(text).hasSize(76);
        assertThat(DoubleCodec.encodedLength(v.length)).isEqualTo(76);
    }

    private static double[] sum(double[][] rows, int from, int to) {
        double[] s = new double[rows[0].length];
        for (int r = from; r < to; r++) {
            for (int k = 0; k < s.length; k++) {
                s[k] += rows[r][k];
            }
        }
        return s;
    }
}
