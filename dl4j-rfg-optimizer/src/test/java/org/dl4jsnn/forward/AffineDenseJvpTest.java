package org.dl4jsnn.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The batch-innermost dense JVP against the row-wise one it replaces for readouts. */
class AffineDenseJvpTest {

    private static double[] gaussian(Random rng, int n) {
        double[] a = new double[n];
        for (int e = 0; e < n; e++) {
            a[e] = rng.nextGaussian();
        }
        return a;
    }

    /**
     * Bit for bit for inputs without zeros (where the row-wise product skips a zero input, this one adds
     * its zero product, which can only change the sign of a zero), for every combination of a direction
     * that perturbs the layer and a tangent carried in; odd sizes so no SIMD loop divides them evenly.
     */
    @Test
    void equalsTheRowWiseJvpBitForBit() {
        Random rng = new Random(5);
        int rows = 37;
        int nIn = 11;
        int nOut = 13;
        int offset = 3;
        int length = offset + nOut * nIn + nOut;
        double[] params = gaussian(rng, length);
        double[][] directions = {gaussian(rng, length), gaussian(rng, length), gaussian(rng, length),
            gaussian(rng, length)};
        // direction 0: own and carried, 1: own only, 2: carried only, 3: neither
        boolean[] active = {true, true, false, false};
        double[][] carried = {gaussian(rng, rows * nIn), null, gaussian(rng, rows * nIn), null};
        Value x = new Value(rows, nIn, gaussian(rng, rows * nIn), carried);
        ParamTangents p1 = new ParamTangents(params, directions, offset, offset + nOut * nIn, active);
        ParamTangents p2 = new ParamTangents(params, directions, offset, offset + nOut * nIn, active);
        Value want = Affine.jvp(x, p1, nOut);
        Value got = Affine.denseJvp(x, p2, nOut);
        assertThat(got.rows()).isEqualTo(rows);
        assertThat(got.cols()).isEqualTo(nOut);
        assertThat(got.primal()).containsExactly(want.primal());
        for (int k = 0; k < 4; k++) {
            if (want.tangents()[k] == null) {
                assertThat(got.tangents()[k]).as("direction %d", k).isNull();
            } else {
                assertThat(got.tangents()[k]).as("direction %d", k).containsExactly(want.tangents()[k]);
            }
        }
        assertThat(want.tangents()[2]).isNotNull();
        assertThat(want.tangents()[3]).isNull();
    }
}
