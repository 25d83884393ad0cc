package org.dl4jsnn.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A FLOAT network's time average against the double sums of the same steps given as doubles. */
class TimeAverageJvpTest {

    /** Float steps are widened exactly and summed in double: the same means bit for bit. */
    @Test
    void floatStepsAverageExactlyAsTheirDoubles() {
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
        assertThat(f.tangents()[1]).containsExactly(d.tangents()[1]);
    }
}
