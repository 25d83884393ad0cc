package org.dl4jsnn.operator.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.dl4jsnn.forward.Value;
import org.junit.jupiter.api.Test;

class SepOnetJvpRuleTest {

    private static double[] random(Random rng, int n) {
        double[] a = new double[n];
        for (int e = 0; e < n; e++) {
            a[e] = rng.nextGaussian();
        }
        return a;
    }

    /** Direction 0 moves every factor, 1 only the branch, 2 only x, 3 only t, 4 none. */
    private static Value factor(Random rng, int rows, int r, int which) {
        double[][] t = new double[5][];
        t[0] = random(rng, rows * r);
        t[1 + which] = random(rng, rows * r);
        return new Value(rows, r, random(rng, rows * r), t);
    }

    @Test
    void contractionEqualsTheBuiltTangentsDottedWithTheWeights() {
        Random rng = new Random(7);
        int nb = 3;
        int nx = 5;
        int nt = 7;
        int r = 6;
        List<Value> in = List.of(factor(rng, nb, r, 0), factor(rng, nx, r, 1), factor(rng, nt, r, 2));
        SepOnetJvpRule rule = new SepOnetJvpRule();
        Value full = rule.apply(in, null);
        double[] w = random(rng, nb * nx * nt);
        double[] contracted = rule.contract(in, null, w);
        for (int k = 0; k < 5; k++) {
            double expected = 0;
            if (full.tangents()[k] != null) {
                for (int e = 0; e < w.length; e++) {
                    expected += w[e] * full.tangents()[k][e];
                }
            }
            assertThat(contracted[k]).as("direction %d", k).isCloseTo(expected, within(1e-12 * (1 + Math.abs(expected))));
        }
        assertThat(full.tangents()[4]).isNull();
        assertThat(contracted[4]).isZero();
        assertThat(contracted[1]).isNotZero();
        Value primal = rule.primal(in, null);
        assertThat(primal.primal()).containsExactly(full.primal());
        assertThat(primal.tangents().length).isEqualTo(5);
        assertThat(Arrays.asList(primal.tangents())).containsOnlyNulls();
    }
}
