package org.dl4jsnn.neuron;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.dl4jsnn.surrogate.Surrogate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With WSG, {@link NeuronStep#advance} (slopes estimated a block at a time) equals
 * {@link NeuronStep#scalarAdvance} (one neuron-step at a time through the neuron's functions) bit for bit,
 * in double and in float, in both block layouts, on a sub-range of a block longer than one surrogate call.
 */
class SteinStepTest {

    private static final int STEPS = 5;

    @ParameterizedTest
    @CsvSource({"true, 0", "true, 5", "false, 0", "false, 3"})
    void blockElementsAreTheElementsOneByOne(boolean neuronMajor, int batchOffset) {
        NoiseAddress noise = new NoiseAddress(9L, 7, 5, 6, neuronMajor, batchOffset);
        long[] into = new long[30];
        for (int from : new int[] {0, 4, 11}) {
            noise.elements(from, 30 - from, 3, into);
            for (int i = 0; i < 30 - from; i++) {
                assertThat(into[i]).isEqualTo(noise.element(from + i, 3));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"SUBTRACT, true, 1.0, 40, 13, false", "ZERO, true, 0.9, 300, 2, true",
        "SUBTRACT, false, 0.95, 7, 90, true", "ZERO, false, 1.0, 600, 1, false"})
    void blockStepIsTheScalarStep(ResetMode mode, boolean differentiated, double beta, int nOut, int batch,
                                  boolean neuronMajor) {
        IntegrateAndFireNeuron neuron = new IntegrateAndFireNeuron(1.0, beta, mode, differentiated,
                Surrogate.stein(0.5, 16), false);
        int n = nOut * batch;
        int from = 3;
        int to = n - 2;
        SplittableRandom rng = new SplittableRandom(n);
        double[] current = new double[STEPS * n];
        for (int e = 0; e < current.length; e++) {
            current[e] = rng.nextDouble(-1.5, 1.5);
        }
        NoiseAddress noise = new NoiseAddress(rng.nextLong(), STEPS, nOut, batch, neuronMajor, 4);
        double[][] d = new double[8][];
        float[][] f = new float[8][];
        for (int v = 0; v < 2; v++) {
            d[4 * v] = new double[n];
            d[4 * v + 1] = new double[STEPS * n];
            d[4 * v + 2] = new double[STEPS * n];
            d[4 * v + 3] = new double[STEPS * n];
            f[4 * v] = new float[n];
            f[4 * v + 1] = new float[STEPS * n];
            f[4 * v + 2] = new float[STEPS * n];
            f[4 * v + 3] = new float[STEPS * n];
        }
        float[] currentF = new float[current.length];
        for (int e = 0; e < current.length; e++) {
            currentF[e] = (float) current[e];
        }
        int fired = 0;
        int refFired = 0;
        for (int t = 0; t < STEPS; t++) {
            fired += NeuronStep.advance(neuron, d[0], from, to, current, t * n, d[1], d[2], d[3], t * n, noise, t);
            refFired += NeuronStep.scalarAdvance(neuron, d[4], from, to, current, t * n, d[5], d[6], d[7], t * n,
                    noise, t);
            int firedF = NeuronStep.advance(neuron, f[0], from, to, currentF, t * n, f[1], f[2], f[3], t * n,
                    noise, t);
            int refFiredF = NeuronStep.scalarAdvance(neuron, f[4], from, to, currentF, t * n, f[5], f[6], f[7],
                    t * n, noise, t);
            assertThat(firedF).isEqualTo(refFiredF);
        }
        for (int a = 0; a < 4; a++) {
            assertThat(d[a]).as("double array %d", a).containsExactly(d[4 + a]);
            assertThat(f[a]).as("float array %d", a).containsExactly(f[4 + a]);
        }
        assertThat(fired).isEqualTo(refFired).isPositive();
        long nonZero = Arrays.stream(d[2]).filter(g -> g != 0).count();
        assertThat(nonZero).as("some slopes are non-zero, some zero").isPositive().isLessThan(STEPS * (to - from));
    }
}
