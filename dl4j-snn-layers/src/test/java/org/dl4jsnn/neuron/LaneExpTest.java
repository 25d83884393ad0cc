package org.dl4jsnn.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/** The lane exp against {@link Math#exp} on [-708, 0], and its exact points. */
class LaneExpTest {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    @Test
    void agreesWithMathExpToTwoUnitsInTheFifteenthDigit() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] x = new double[S.length()];
        double[] y = new double[S.length()];
        for (int trial = 0; trial < 20_000; trial++) {
            for (int l = 0; l < x.length; l++) {
                // mostly the surrogate's range (-scale z^2 of a few units), some far into the tail
                x[l] = trial % 10 == 0 ? -708 * rng.nextDouble() : -8 * rng.nextDouble();
            }
            LaneExp.of(DoubleVector.fromArray(S, x, 0)).intoArray(y, 0);
            for (int l = 0; l < x.length; l++) {
                double e = Math.exp(x[l]);
                assertThat(y[l]).as("exp(%s)", x[l]).isCloseTo(e, within(2e-15 * e));
            }
        }
    }

    @Test
    void oneAtZeroAndClampedBelowTheFloor() {
        double[] x = new double[S.length()];
        x[1] = -750; // exp underflows to a subnormal there; the lane exp stops at exp(-708)
        double[] y = new double[S.length()];
        LaneExp.of(DoubleVector.fromArray(S, x, 0)).intoArray(y, 0);
        assertThat(y[0]).isEqualTo(1.0);
        assertThat(y[1]).isCloseTo(Math.exp(-708), within(2e-15 * Math.exp(-708)));
    }
}
