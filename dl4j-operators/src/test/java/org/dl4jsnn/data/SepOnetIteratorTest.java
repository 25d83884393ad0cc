package org.dl4jsnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.api.MultiDataSet;

class SepOnetIteratorTest {

    private static final int NX = 3;
    private static final int NT = 4;

    /** f_s = (s, s, s), u_s(x_i, t_j) = 100 s + 10 i + j. */
    private static GridOperatorSamples traceable(int n) {
        double[][] f = new double[n][3];
        double[][] u = new double[n][NX * NT];
        for (int s = 0; s < n; s++) {
            Arrays.fill(f[s], s);
            for (int i = 0; i < NX; i++) {
                for (int j = 0; j < NT; j++) {
                    u[s][i * NT + j] = 100 * s + 10 * i + j;
                }
            }
        }
        return new GridOperatorSamples(f, new double[] {0, 0.5, 1}, new double[] {0, 0.5, 1},
                new double[] {0, 1.0 / 3, 2.0 / 3, 1}, u);
    }

    private static List<Integer> epoch(SepOnetIterator it) {
        List<Integer> order = new ArrayList<>();
        while (it.hasNext()) {
            MultiDataSet mds = it.next();
            int b = (int) mds.getFeatures(0).rows();
            assertThat(mds.getFeatures()).hasSize(3);
            assertThat(mds.getFeatures(0).shape()).containsExactly(b, 3);
            assertThat(mds.getFeatures(1).shape()).containsExactly(NX, 1);
            assertThat(mds.getFeatures(2).shape()).containsExactly(NT, 1);
            assertThat(mds.getLabels(0).shape()).containsExactly(b, NX * NT);
            assertThat(mds.getFeatures(2).getDouble(1, 0)).isCloseTo(1.0 / 3, Offset.offset(1e-7));
            for (int r = 0; r < b; r++) {
                int s = (int) mds.getFeatures(0).getDouble(r, 0);
                for (int i = 0; i < NX; i++) {
                    for (int j = 0; j < NT; j++) {
                        assertThat(mds.getLabels(0).getDouble(r, i * NT + j)).isEqualTo(100.0 * s + 10 * i + j);
                    }
                }
                order.add(s);
            }
        }
        return order;
    }

    @Test
    void batchesHoldWholeFunctionsWithGridLabels() {
        SepOnetIterator it = new SepOnetIterator(traceable(10), 4, 9L);
        List<Integer> order = epoch(it);
        assertThat(order).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void shufflingIsSeededAndResetStartsANewEpoch() {
        SepOnetIterator a = new SepOnetIterator(traceable(20), 6, 9L);
        List<Integer> a0 = epoch(a);
        assertThat(epoch(new SepOnetIterator(traceable(20), 6, 9L))).isEqualTo(a0);
        assertThat(epoch(new SepOnetIterator(traceable(20), 6, 10L))).isNotEqualTo(a0);
        a.reset();
        List<Integer> a1 = epoch(a);
        assertThat(a1).isNotEqualTo(a0).containsExactlyInAnyOrderElementsOf(a0);
        SepOnetIterator ordered = new SepOnetIterator(traceable(5), 2, false, 0L, DataType.DOUBLE);
        assertThat(epoch(ordered)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void worksOnTheDiffusionReactionData() {
        DiffusionReactionDataset data = DiffusionReactionDataset.generate(
                DiffusionReactionDataset.Config.defaults().withSizes(3, 1).withGrids(101, 101, 101, 101));
        SepOnetIterator it = new SepOnetIterator(data.train(), 2, false, 0L, DataType.FLOAT);
        MultiDataSet mds = it.next();
        assertThat(mds.getFeatures(0).shape()).containsExactly(2, 101);
        assertThat(mds.getFeatures(1).shape()).containsExactly(101, 1);
        assertThat(mds.getFeatures(2).shape()).containsExactly(101, 1);
        assertThat(mds.getLabels(0).shape()).containsExactly(2, 101 * 101);
        assertThat(mds.getFeatures(1).getDouble(37, 0)).isEqualTo((double) 0.37f);
        assertThat(mds.getLabels(0).getDouble(1, 40 * 101 + 73)).isEqualTo((double) (float) data.train().value(1, 40, 73));
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new SepOnetIterator(traceable(2), 0, 0L))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("batchSize must be > 0, got 0");
        double[] g = {0, 1};
        assertThatThrownBy(() -> new GridOperatorSamples(new double[][] {{1, 2}}, g, g, g, new double[][] {{1, 2, 3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("solutions rows must have length 4, got 3 in row 0");
        assertThatThrownBy(() -> new GridOperatorSamples(new double[][] {{1, Double.NEGATIVE_INFINITY}}, g, g, g,
                new double[][] {{1, 2, 3, 4}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("functions must contain only finite values, got -Infinity at index [0][1]");
        assertThatThrownBy(() -> new GridOperatorSamples(new double[][] {{1, 2}}, g, new double[] {0, Double.NaN}, g,
                new double[][] {{1, 2, 3, 4}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x must contain only finite");
    }
}
