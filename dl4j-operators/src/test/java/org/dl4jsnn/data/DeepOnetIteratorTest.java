package org.dl4jsnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.api.MultiDataSet;

class DeepOnetIteratorTest {

    private static final int N = 6;
    private static final int M = 5;
    private static final int Q = 4;

    /** f_s(sensor k) = s + k / 100, points y_p = p / 8, u_s(y_p) = 10 s + p: everything traceable. */
    private static OperatorSamples traceable() {
        double[][] f = new double[N][M];
        double[][] u = new double[N][Q];
        for (int s = 0; s < N; s++) {
            for (int k = 0; k < M; k++) {
                f[s][k] = s + k / 100.0;
            }
            for (int p = 0; p < Q; p++) {
                u[s][p] = 10 * s + p;
            }
        }
        double[] sensors = {0, 0.25, 0.5, 0.75, 1};
        double[] points = {0, 0.125, 0.25, 0.375};
        return new OperatorSamples(f, sensors, points, u);
    }

    /** Pairs (s, p) in visiting order, after checking each row's label against its (s, p). */
    private static List<Integer> epoch(DeepOnetIterator it) {
        List<Integer> pairs = new ArrayList<>();
        while (it.hasNext()) {
            MultiDataSet mds = it.next();
            int b = (int) mds.getFeatures(0).rows();
            assertThat(mds.getFeatures()).hasSize(2);
            assertThat(mds.getFeatures(0).shape()).containsExactly(b, M);
            assertThat(mds.getFeatures(1).shape()).containsExactly(b, 1);
            assertThat(mds.getLabels(0).shape()).containsExactly(b, 1);
            for (int r = 0; r < b; r++) {
                int s = (int) Math.round(mds.getFeatures(0).getDouble(r, 0));
                for (int k = 0; k < M; k++) {
                    assertThat(mds.getFeatures(0).getDouble(r, k)).isCloseTo(s + k / 100.0,
                            Offset.offset(1e-6));
                }
                int p = (int) Math.round(mds.getFeatures(1).getDouble(r, 0) * 8);
                assertThat(mds.getLabels(0).getDouble(r, 0)).as("label of (%d,%d)", s, p).isEqualTo(10.0 * s + p);
                pairs.add(s * Q + p);
            }
        }
        return pairs;
    }

    @Test
    void batchesCoverEveryFunctionPointPairWithConsistentLabels() {
        DeepOnetIterator it = new DeepOnetIterator(traceable(), 5, 3L);
        List<Integer> pairs = epoch(it);
        assertThat(pairs).hasSize(N * Q);
        assertThat(new HashSet<>(pairs)).hasSize(N * Q);
    }

    @Test
    void shufflingIsSeededAndChangesPerEpoch() {
        DeepOnetIterator a = new DeepOnetIterator(traceable(), 7, 3L);
        DeepOnetIterator b = new DeepOnetIterator(traceable(), 7, 3L);
        List<Integer> a0 = epoch(a);
        assertThat(epoch(b)).isEqualTo(a0);
        assertThat(epoch(new DeepOnetIterator(traceable(), 7, 4L))).isNotEqualTo(a0);
        a.reset();
        List<Integer> a1 = epoch(a);
        assertThat(a1).isNotEqualTo(a0);
        assertThat(new HashSet<>(a1)).isEqualTo(new HashSet<>(a0));
        DeepOnetIterator ordered = new DeepOnetIterator(traceable(), 7, false, 3L, DataType.DOUBLE);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < N * Q; i++) {
            expected.add(i);
        }
        assertThat(epoch(ordered)).isEqualTo(expected);
    }

    @Test
    void fullArraysForEvaluation() {
        PoissonDataset data = PoissonDataset.generate(PoissonDataset.Config.defaults().withSizes(3, 4));
        DeepOnetIterator it = new DeepOnetIterator(data.test(), 64, 1L);
        OperatorSamples test = it.samples();
        assertThat(test.functionsArray(DataType.FLOAT).shape()).containsExactly(4, 100);
        assertThat(test.pointsArray(DataType.FLOAT).shape()).containsExactly(100);
        assertThat(test.pointsColumn(DataType.FLOAT).shape()).containsExactly(100, 1);
        assertThat(test.solutionsArray(DataType.DOUBLE).shape()).containsExactly(4, 100);
        assertThat(test.solutionsArray(DataType.DOUBLE).getDouble(2, 17)).isEqualTo(test.value(2, 17));
        assertThat(test.functionsArray(DataType.DOUBLE).getDouble(3, 99)).isEqualTo(test.function(3)[99]);
        assertThat(it.next().getFeatures(0).shape()).containsExactly(64, 100);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new DeepOnetIterator(traceable(), -1, 0L))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("batchSize must be > 0, got -1");
        double[] sensors = {0, 0.5, 1};
        assertThatThrownBy(() -> new OperatorSamples(new double[][] {{1, 2, 3}, {1, 2}}, sensors, sensors,
                new double[][] {{0, 0, 0}, {0, 0, 0}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("functions rows must have length 3, got 2 in row 1");
        assertThatThrownBy(() -> new OperatorSamples(new double[][] {{1, 2, 3}}, sensors, sensors,
                new double[][] {{0, Double.NaN, 0}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("solutions must contain only finite values, got NaN at index [0][1]");
        assertThatThrownBy(() -> new OperatorSamples(new double[][] {{1, 2, 3}}, new double[] {0, Double.NaN, 1},
                sensors, new double[][] {{0, 0, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sensors must contain only finite");
        assertThatThrownBy(() -> new DeepOnetIterator(traceable(), 2, 0L).next(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("num");
    }
}
