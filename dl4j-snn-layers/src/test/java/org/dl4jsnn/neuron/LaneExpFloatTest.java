package org.dl4jsnn.neuron;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The float lanes' exp against {@link Math#exp}: within 4e-7 relative (a few float ulps) over the range the
 * Gaussian surrogate uses, x in [-87, 0], and exp(-87) below it.
 */
class LaneExpFloatTest {

    @Test
    void isWithinFourTenMillionthsOfMathExp() {
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        float[] x = new float[lanes];
        float[] y = new float[lanes];
        double worst = 0;
        for (int n = 0; n <= 870_000; n += lanes) {
            for (int l = 0; l < lanes; l++) {
                x[l] = -Math.min(87f, (n + l) * 1e-4f);
            }
            LaneExpFloat.of(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, 0)).intoArray(y, 0);
            for (int l = 0; l < lanes; l++) {
                double exact = Math.exp(x[l]);
                worst = Math.max(worst, Math.abs(y[l] - exact) / exact);
            }
        }
        assertThat(worst).isLessThan(4e-7);
        float[] below = new float[lanes];
        Arrays.fill(below, -1000f);
        LaneExpFloat.of(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, below, 0)).intoArray(y, 0);
        assertThat((double) y[0]).isCloseTo(Math.exp(-87), Offset.offset(4e-7 * Math.exp(-87)));
    }
}
