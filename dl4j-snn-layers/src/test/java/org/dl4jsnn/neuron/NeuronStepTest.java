package org.dl4jsnn.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.dl4jsnn.kernel.VectorApi;
import org.dl4jsnn.surrogate.Surrogate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fused step against the neuron's scalar functions called one by one, for every reset choice, on a
 * block of 37 neurons (not a multiple of the vector width: the masked tail runs too) driven across
 * threshold for 6 steps.
 */
class NeuronStepTest {

    private static final int N = 37;
    private static final int STEPS = 6;

    @ParameterizedTest
    @CsvSource({"SUBTRACT, false, 1.0", "SUBTRACT, true, 1.0", "ZERO, false, 0.9", "ZERO, true, 0.9"})
    void simdStepIsTheScalarRecurrence(ResetMode mode, boolean differentiated, double beta) {
        assertThat(VectorApi.available()).as("SIMD path under test").isTrue();
        IntegrateAndFireNeuron neuron = new IntegrateAndFireNeuron(1.0, beta, mode, differentiated,
                Surrogate.gaussian(0.5), false);
        SplittableRandom rng = new SplittableRandom(3);
        double[] current = new double[STEPS * N];
        for (int e = 0; e < current.length; e++) {
            current[e] = rng.nextDouble(-0.5, 1.5);
        }
        double[] u = new double[N];
        double[] s = new double[STEPS * N];
        double[] g = new double[STEPS * N];
        double[] a = new double[STEPS * N];
        double[] refU = new double[N];
        int fired = 0;
        int refFired = 0;
        NoiseAddress noise = new NoiseAddress(0L, STEPS, N, 1, false);
        for (int t = 0; t < STEPS; t++) {
            fired += NeuronStep.advance(neuron, u, 0, N, current, t * N, s, g, a, t * N, noise, t);
            for (int k = 0; k < N; k++) {
                // the definition, function by function
                double uk = neuron.integrate(refU[k], current[t * N + k]);
                double sk = neuron.spike(uk);
                double gk = neuron.spikeSlope(uk, 0L, k);
                assertThat(s[t * N + k]).isEqualTo(sk);
                assertThat(g[t * N + k]).isCloseTo(gk, within(1e-15 * gk + 1e-300));
                assertThat(a[t * N + k]).isCloseTo(neuron.resetSlope(uk, sk, gk), within(1e-15));
                refU[k] = neuron.reset(uk, sk);
                refFired += (int) sk;
            }
            assertThat(u).containsExactly(refU);
        }
        assertThat(fired).isEqualTo(refFired).isPositive().isLessThan(STEPS * N);
    }

    @ParameterizedTest
    @CsvSource({"1.0", "0.8"})
    void adjointStepIsTheChainRule(double beta) {
        IntegrateAndFireNeuron neuron = new IntegrateAndFireNeuron(1.0, beta, ResetMode.SUBTRACT, true,
                Surrogate.gaussian(0.5), false);
        SplittableRandom rng = new SplittableRandom(4);
        double[] eps = new double[2 * N];
        double[] g = new double[2 * N];
        double[] a = new double[2 * N];
        double[] carried = new double[N];
        double[] total = new double[N];
        for (int e = 0; e < 2 * N; e++) {
            eps[e] = rng.nextDouble(-1, 1);
            g[e] = rng.nextDouble(0, 0.8);
            a[e] = rng.nextDouble(-0.3, 1);
        }
        for (int k = 0; k < N; k++) {
            carried[k] = rng.nextDouble(-1, 1);
            total[k] = rng.nextDouble(-1, 1);
        }
        double[] c0 = carried.clone();
        double[] t0 = total.clone();
        double[] dU = new double[N];
        NeuronStep.adjoint(neuron, eps, g, a, N, carried, dU, total, N);
        for (int k = 0; k < N; k++) {
            double expected = eps[N + k] * g[N + k] + a[N + k] * c0[k];
            assertThat(dU[k]).isEqualTo(expected);
            assertThat(total[k]).isEqualTo(t0[k] + expected);
            assertThat(carried[k]).isEqualTo(beta * expected);
        }
    }
}
