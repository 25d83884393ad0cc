package org.dl4jsnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Hold-out splits take whole rows: the subset's rows are the parent's, the axes are shared. */
class RowSubsetsTest {

    private static final double[] SENSORS = {0.0, 0.5, 1.0};

    private static double[][] rows(int n, int width, double offset) {
        double[][] r = new double[n][width];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < width; j++) {
                r[i][j] = offset + 10 * i + j;
            }
        }
        return r;
    }

    @Test
    void operatorSamplesRowsAreTheParentsRows() {
        OperatorSamples all = new OperatorSamples(rows(5, 3, 0), SENSORS, new double[] {0.1, 0.9}, rows(5, 2, 100));
        OperatorSamples tail = all.rows(3, 5);
        assertThat(tail.functionCount()).isEqualTo(2);
        assertThat(tail.points()).containsExactly(0.1, 0.9);
        for (int s = 0; s < 2; s++) {
            assertThat(tail.function(s)).containsExactly(all.function(3 + s));
            assertThat(tail.solution(s)).containsExactly(all.solution(3 + s));
        }
    }

    @Test
    void gridSamplesRowsAreTheParentsRows() {
        GridOperatorSamples all = new GridOperatorSamples(rows(4, 3, 0), SENSORS, new double[] {0, 1},
                new double[] {0, 0.5, 1}, rows(4, 6, 100));
        GridOperatorSamples head = all.rows(0, 3);
        assertThat(head.functionCount()).isEqualTo(3);
        assertThat(head.nx()).isEqualTo(2);
        assertThat(head.nt()).isEqualTo(3);
        assertThat(head.solution(2)).containsExactly(all.solution(2));
        assertThat(head.function(1)).containsExactly(all.function(1));
    }

    @Test
    void pointSamplesRowsAreTheParentsRows() {
        PointSamples all = new PointSamples(rows(6, 2, 0), new double[] {1, 2, 3, 4, 5, 6});
        PointSamples mid = all.rows(2, 4);
        assertThat(mid.size()).isEqualTo(2);
        assertThat(mid.targets()).containsExactly(3, 4);
        assertThat(mid.inputs()[1]).containsExactly(all.inputs()[3]);
    }

    @Test
    void emptyOrOutOfRangeRowsAreRejectedWithTheBounds() {
        PointSamples all = new PointSamples(rows(6, 2, 0), new double[6]);
        assertThatThrownBy(() -> all.rows(4, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 <= from < to <= 6");
        assertThatThrownBy(() -> all.rows(0, 7)).hasMessageContaining("got [0, 7)");
        OperatorSamples ops = new OperatorSamples(rows(2, 3, 0), SENSORS, new double[] {0.5}, rows(2, 1, 0));
        assertThatThrownBy(() -> ops.rows(-1, 1)).hasMessageContaining("0 <= from < to <= 2");
    }
}
