package org.dl4jsnn.operator.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dl4jsnn.forward.Value;
import org.junit.jupiter.api.Test;

/** The products' maps from per-output-element loss tangents to their inputs' rows, against hand sums. */
class InputRowTangentsTest {

    /**
     * A 2 x 3 x 2 grid whose element (f, i, j) holds 100 f + 10 i + j: branch row f sums its 6 elements,
     * x row i the 4 of (f, t), t row j the 6 of (f, x).
     */
    @Test
    void sepOnetRowsSumTheGridOverTheOtherTwoAxes() {
        List<Value> in = List.of(Value.constant(2, 4, new double[8], 1), Value.constant(3, 4, new double[12], 1),
                Value.constant(2, 4, new double[8], 1));
        double[] e = new double[12];
        for (int f = 0; f < 2; f++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 2; j++) {
                    e[(f * 3 + i) * 2 + j] = 100 * f + 10 * i + j;
                }
            }
        }
        double[][] rows = new SepOnetJvpRule().inputRowTangents(in, e);
        // branch 0: 2 (0 + 10 + 20) + 3 (0 + 1) = 63; branch 1 adds 6 x 100
        assertThat(rows[0]).containsExactly(63, 663);
        // x row i: 2 (0 + 100) + 4 (10 i) + 2 (0 + 1)
        assertThat(rows[1]).containsExactly(202, 242, 282);
        // t row j: 3 (0 + 100) + 2 (0 + 10 + 20) + 6 j
        assertThat(rows[2]).containsExactly(360, 366);
    }

    @Test
    void perFunctionBranchRowsSumTheirPairsAndTrunkRowsAreThePairs() {
        List<Value> in = List.of(Value.constant(3, 2, new double[6], 1), Value.constant(5, 2, new double[10], 1),
                Value.constant(5, 1, new double[] {2, 0, 2, 1, 0}, 1));
        double[][] rows = new DeepOnetJvpRule().inputRowTangents(in, new double[] {1, 2, 3, 4, 5});
        assertThat(rows[0]).containsExactly(2 + 5, 4, 1 + 3);
        assertThat(rows[1]).containsExactly(1, 2, 3, 4, 5);
        assertThat(rows[2]).isNull();
        double[][] pairs = new DeepOnetJvpRule().inputRowTangents(in.subList(0, 2).stream()
                .map(v -> Value.constant(5, 2, new double[10], 1)).toList(), new double[] {1, 2, 3, 4, 5});
        assertThat(pairs[0]).containsExactly(1, 2, 3, 4, 5);
    }
}
