package org.dl4jsnn.estimator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The activity-perturbation currents u (docs/design.md section 3) as every path draws them: the double
 * sweep, the float sweep and the estimate's second draw all call {@link DirectionLayout#fillCurrent}, so
 * they agree when the double and float fills agree and a chunk's fill is the whole batch's slice.
 */
class CurrentDrawsTest {

    private static final int N_OUT = 16;
    private static final int BATCH = 1000;

    private static DirectionLayout layout(DirectionDistribution distribution) {
        RfgSettings settings = RfgSettings.activity(11).withDirections(2).withDistribution(distribution);
        return new DirectionLayout(settings, List.of(ParameterGroup.range(0, 0, 3), ParameterGroup.range(1, 3, 2)),
                Set.of(0, 1));
    }

    private static double[] fill(DirectionLayout layout, long iteration, int row, int t, int first, int batch) {
        double[] u = new double[N_OUT * batch];
        layout.fillCurrent(iteration, row, t, first, batch, N_OUT, u);
        return u;
    }

    /** Chunks that start inside a 64-example word, and a chunk far into a large batch, see the same u. */
    @Test
    void aChunksCurrentsAreTheWholeBatchsSlice() {
        for (DirectionDistribution d : List.of(DirectionDistribution.RADEMACHER, DirectionDistribution.GAUSSIAN)) {
            DirectionLayout layout = layout(d);
            double[] whole = fill(layout, 4, 1, 3, 0, BATCH);
            for (int[] chunk : new int[][] {{0, 97}, {97, 903}, {1, 63}, {130, 1}, {640, 360}}) {
                double[] part = fill(layout, 4, 1, 3, chunk[0], chunk[1]);
                for (int j = 0; j < N_OUT; j++) {
                    for (int b = 0; b < chunk[1]; b++) {
                        assertThat(part[j * chunk[1] + b]).as("%s neuron %d example %d", d, j, chunk[0] + b)
                                .isEqualTo(whole[j * BATCH + chunk[0] + b]);
                    }
                }
            }
        }
    }

    /** The float sweep's u is the double sweep's rounded: signs exactly, Gaussians to float's round-off. */
    @Test
    void floatCurrentsAreTheDoubleCurrentsRounded() {
        for (DirectionDistribution d : List.of(DirectionDistribution.RADEMACHER, DirectionDistribution.GAUSSIAN)) {
            DirectionLayout layout = layout(d);
            double[] u = fill(layout, 9, 2, 5, 200, 300);
            float[] f = new float[u.length];
            layout.fillCurrent(9, 2, 5, 200, 300, N_OUT, f);
            for (int e = 0; e < u.length; e++) {
                assertThat(f[e]).isEqualTo((float) u[e]);
            }
        }
    }

    /**
     * Rademacher entries are +-1 with mean 0 and uncorrelated across neighbouring examples (bits of one hash
     * and of the next one), neurons, steps, rows and iterations: 16,000 entries, so each empirical mean or
     * correlation of independent signs has standard deviation 1/126; the bound is 5 of those.
     */
    @Test
    void signsAreBalancedAndUncorrelated() {
        DirectionLayout layout = layout(DirectionDistribution.RADEMACHER);
        double bound = 5 / Math.sqrt(N_OUT * BATCH);
        double[] u = fill(layout, 7, 0, 2, 0, BATCH);
        double mean = 0;
        for (double x : u) {
            assertThat(Math.abs(x)).isEqualTo(1.0);
            mean += x / u.length;
        }
        assertThat(Math.abs(mean)).isLessThan(bound);
        for (int shift : new int[] {1, 63, 64}) {
            double c = 0;
            int n = 0;
            for (int j = 0; j < N_OUT; j++) {
                for (int b = 0; b + shift < BATCH; b++) {
                    c += u[j * BATCH + b] * u[j * BATCH + b + shift];
                    n++;
                }
            }
            assertThat(Math.abs(c / n)).as("examples %d apart", shift).isLessThan(5 / Math.sqrt(n));
        }
        double[] nextNeuron = new double[u.length];
        System.arraycopy(u, BATCH, nextNeuron, 0, u.length - BATCH);
        System.arraycopy(u, 0, nextNeuron, u.length - BATCH, BATCH);
        assertThat(Math.abs(correlation(u, nextNeuron))).as("neighbouring neurons").isLessThan(bound);
        assertThat(Math.abs(correlation(u, fill(layout, 7, 0, 3, 0, BATCH)))).as("next step").isLessThan(bound);
        assertThat(Math.abs(correlation(u, fill(layout, 7, 1, 2, 0, BATCH)))).as("next row").isLessThan(bound);
        assertThat(Math.abs(correlation(u, fill(layout, 8, 0, 2, 0, BATCH)))).as("next iteration").isLessThan(bound);
    }

    private static double correlation(double[] a, double[] b) {
        double c = 0;
        for (int e = 0; e < a.length; e++) {
            c += a[e] * b[e];
        }
        return c / a.length;
    }
}
