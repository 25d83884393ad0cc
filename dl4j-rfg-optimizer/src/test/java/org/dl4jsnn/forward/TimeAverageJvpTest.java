package org.dl4jsnn.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A FLOAT network's time average (summed in float) against the double sums of the same float steps. */
class TimeAverageJvpTest {

    /**
     * Spikes (0/1) average exactly; a tangent's mean of T floats of size <= 1 is within ulp(T) / 2 of the
     * double mean: each of the T - 1 float additions rounds by at most half an ulp of a partial sum below T,
     * and the mean divides the sum by T (the double sums of 32 floats are exact).
     */
    @Test
    void floatSumsAgreeWithDoubleSumsOfTheSameSteps() {
        Random rng = new Random(9);
        int width = 5;
        int batch = 23;
        int steps = 32;
        int n = width * batch;
        TimeAverageJvp floats = new TimeAverageJvp(steps);
        TimeAverageJvp doubles = new TimeAverageJvp(steps);
        for (int t = 0; t < steps; t++) {
            float[] s = new float[n];
            float[] sd = new float[n];
            double[] s64 = new double[n];
            double[] sd64 = new double[n];
            for (int e = 0; e < n; e++) {
                s[e] = rng.nextBoolean() ? 1f : 0f;
                sd[e] = (float) (rng.nextDouble() * 2 - 1);
                s64[e] = s[e];
                sd64[e] = sd[e];
            }
            floats.add(new FloatStepValue(width, batch, s, new float[][] {null, sd}));
            doubles.add(new StepValue(width, batch, s64, new double[][] {null, sd64}));
        }
        Value f = floats.mean();
        Value d = doubles.mean();
        assertThat(f.rows()).isEqualTo(batch);
        assertThat(f.cols()).isEqualTo(width);
        assertThat(f.primal()).containsExactly(d.primal());
        assertThat(f.tangents()[0]).isNull();
        double bound = Math.ulp((float) steps) / 2;
        for (int e = 0; e < n; e++) {
            assertThat(f.tangents()[1][e]).isCloseTo(d.tangents()[1][e], within(bound));
        }
    }
}
