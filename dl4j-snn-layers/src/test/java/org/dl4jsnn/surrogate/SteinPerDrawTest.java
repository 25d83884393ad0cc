package org.dl4jsnn.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The block estimator decides draw by draw (an integer test on the uniform's 24 bits against the level,
 * then the draw against the cut, with central draws gathered across neuron-steps), and gives the literal estimator's derivative bit for bit: for random membranes, and for membranes
 * that put the cut exactly on one of the neuron-step's own draws (and one ulp either side), on the
 * quantile's branch points, and on the skip table's grid points; with one scratch reused across calls.
 */
class SteinPerDrawTest {

    private static final double WIDTH = 0.5;
    private static final int SAMPLES = 16;

    /** A membrane offset z whose cut -z/s sits on (or next to) something that decides a draw. */
    private static double boundary(SplittableRandom random, long seed, long element) {
        double cut;
        int kind = random.nextInt(4);
        if (kind == 0) {
            cut = SteinDraws.normal(seed, element, SAMPLES, random.nextInt(SAMPLES)); // one of its own draws
        } else if (kind == 1) {
            // the quantile's branch points, where the central and tail evaluations meet
            double edge = SteinDraws.round(Gaussians.quantile(Gaussians.P_LOW));
            cut = random.nextBoolean() ? edge : -edge;
        } else if (kind == 2) {
            cut = -5.0 + random.nextInt(513) * (10.0 / 512); // QuantileFloor's grid
        } else {
            cut = random.nextBoolean() ? SteinDraws.MAX : -SteinDraws.MAX;
        }
        double z = -cut * WIDTH;
        int ulps = random.nextInt(3) - 1;
        return ulps == 0 ? z : ulps < 0 ? Math.nextDown(z) : Math.nextUp(z);
    }

    @Test
    void perDrawDecisionIsTheLiteralEstimatorAtAndAroundTheCuts() {
        SteinSurrogate wsg = new SteinSurrogate(WIDTH, SAMPLES);
        SteinScratch scratch = new SteinScratch(SteinScratch.BLOCK);
        SplittableRandom random = new SplittableRandom(2026);
        int n = 700; // more than one block: the scratch serves several
        int nonZero = 0;
        int exactlyOnADraw = 0;
        for (int trial = 0; trial < 60; trial++) {
            long seed = random.nextLong();
            double[] z = new double[n];
            long[] elements = new long[n];
            double[] out = new double[n];
            for (int k = 0; k < n; k++) {
                elements[k] = random.nextLong(1L << 40);
                z[k] = random.nextInt(3) == 0 ? 3 * random.nextGaussian() - 1 : boundary(random, seed, elements[k]);
            }
            wsg.derivatives(z, seed, elements, out, n, scratch);
            for (int k = 0; k < n; k++) {
                double literal = LiteralStein.estimate(z[k], WIDTH, SAMPLES, seed, elements[k]);
                assertThat(out[k]).as("z %s", z[k]).isEqualTo(literal)
                        .isEqualTo(wsg.derivative(z[k], seed, elements[k]));
                nonZero += literal != 0 ? 1 : 0;
                for (int i = 0; i < SAMPLES; i++) {
                    exactlyOnADraw += SteinDraws.normal(seed, elements[k], SAMPLES, i) == -z[k] / WIDTH ? 1 : 0;
                }
            }
        }
        assertThat(nonZero).as("estimates that are not zero").isGreaterThan(60 * n / 3);
        assertThat(exactlyOnADraw).as("cuts exactly on a draw, which that draw must not clear").isGreaterThan(1_000);
    }

    @Test
    void aScratchServesBlocksUpToItsSize() {
        SteinSurrogate wsg = new SteinSurrogate(WIDTH, SAMPLES);
        SplittableRandom random = new SplittableRandom(5);
        int n = 37;
        double[] z = new double[n];
        long[] elements = new long[n];
        for (int k = 0; k < n; k++) {
            z[k] = random.nextGaussian() - 0.5;
            elements[k] = k;
        }
        double[] small = new double[n];
        double[] whole = new double[n];
        wsg.derivatives(z, 11L, elements, small, n, new SteinScratch(5));
        wsg.derivatives(z, 11L, elements, whole, n, new SteinScratch(SteinScratch.BLOCK));
        assertThat(small).isEqualTo(whole);
        assertThatThrownBy(() -> new SteinScratch(0)).hasMessageContaining("block must be in [1, 256]");
        assertThatThrownBy(() -> new SteinScratch(257)).hasMessageContaining("block must be in [1, 256]");
    }
}
