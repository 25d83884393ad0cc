package org.dl4jsnn.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.dl4jsnn.layer.FloatSpikingDenseKernel;
import org.dl4jsnn.layer.LayerShape;
import org.dl4jsnn.layer.SpikingDenseKernel;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.ResetMode;
import org.dl4jsnn.surrogate.Surrogate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Back-propagation's layer kernel and the forward sweep's layer advance through one neuron step: on the
 * same spike-train input they produce the same spikes, and the same surrogate and reset slopes, bit for
 * bit. The slopes are seen through the sweep's tangent for a bias-only direction v_b, which is
 * Sdot_t = g_t Udot_t with Udot_t = beta a_{t-1} Udot_{t-1} + v_b: recomputed from the kernel's g and a,
 * it must match exactly. Every neuron rule (both resets, reset differentiated or not, leak, SG and the
 * stochastic WSG, which must draw the same noise in both) changes both paths alike.
 */
class SharedNeuronStepTest {

    private static final int BATCH = 13;
    private static final int N_IN = 5;
    private static final int N_OUT = 4;
    private static final int STEPS = 9;

    @ParameterizedTest
    @CsvSource({"SUBTRACT, false, 1.0, SG", "SUBTRACT, true, 0.9, SG", "ZERO, false, 1.0, SG",
        "ZERO, true, 0.8, SG", "SUBTRACT, false, 1.0, WSG", "ZERO, true, 0.9, WSG"})
    void kernelAndSweepShareTheStep(ResetMode mode, boolean differentiated, double beta, String surrogate) {
        IntegrateAndFireNeuron neuron = new IntegrateAndFireNeuron(1.0, beta, mode, differentiated,
                surrogate.equals("SG") ? Surrogate.gaussian(0.5) : Surrogate.stein(0.5, 8), false);
        SplittableRandom rng = new SplittableRandom(11);
        double[] input = new double[STEPS * N_IN * BATCH]; // [t][i][b]
        for (int e = 0; e < input.length; e++) {
            input[e] = rng.nextDouble() < 0.4 ? 1.0 : 0.0;
        }
        double[] params = new double[N_OUT * N_IN + N_OUT]; // W [j][i], then b
        for (int e = 0; e < params.length; e++) {
            params[e] = rng.nextDouble(-0.3, 0.9);
        }
        double[] w = Arrays.copyOf(params, N_OUT * N_IN);
        double[] bias = Arrays.copyOfRange(params, N_OUT * N_IN, params.length);
        double[] v = new double[params.length];
        for (int j = 0; j < N_OUT; j++) {
            v[N_OUT * N_IN + j] = rng.nextDouble(-1, 1);
        }
        long seed = 77L;

        SpikingDenseKernel.Trace trace = SpikingDenseKernel.forward(new LayerShape(BATCH, N_IN, N_OUT, STEPS, true),
                input, w, bias, neuron, true, seed);

        SpikingDenseJvp sweep = new SpikingDenseJvp(neuron, N_OUT, STEPS, seed,
                new ParamTangents(params, new double[][] {v}, 0, N_OUT * N_IN, new boolean[] {true}));
        int block = N_OUT * BATCH;
        double[] udot = new double[block];
        long spikes = 0;
        for (int t = 0; t < STEPS; t++) {
            double[] step = Arrays.copyOfRange(input, t * N_IN * BATCH, (t + 1) * N_IN * BATCH);
            StepValue out = sweep.step(t, new StepValue(N_IN, BATCH, step, new double[1][]));
            double[] sdot = out.tangents()[0];
            for (int k = 0; k < block; k++) {
                int e = t * block + k;
                assertThat(out.primal()[k]).as("spike t=%d k=%d", t, k).isEqualTo(trace.spikes()[e]);
                double vb = v[N_OUT * N_IN + k / BATCH];
                double u = neuron.integrate(udot[k], vb);
                assertThat(sdot[k]).as("tangent t=%d k=%d", t, k).isEqualTo(trace.spikeSlopes()[e] * u);
                udot[k] = trace.resetSlopes()[e] * u;
                spikes += (long) trace.spikes()[e];
            }
        }
        assertThat(sweep.spikeCount()).isEqualTo(trace.spikeCount()).isEqualTo(spikes).isPositive();
    }

    /**
     * The same for a FLOAT network: the float layer kernel and the float sweep share the step too (and, being
     * written once over both precisions, it is the double step's rule): same spikes, and the tangent
     * recomputed in float from the kernel's g and a, exactly.
     */
    @ParameterizedTest
    @CsvSource({"SUBTRACT, false, 1.0, SG", "SUBTRACT, true, 0.9, SG", "ZERO, false, 1.0, SG",
        "ZERO, true, 0.8, SG", "SUBTRACT, false, 1.0, WSG", "ZERO, true, 0.9, WSG"})
    void floatKernelAndFloatSweepShareTheStep(ResetMode mode, boolean differentiated, double beta,
                                              String surrogate) {
        IntegrateAndFireNeuron neuron = new IntegrateAndFireNeuron(1.0, beta, mode, differentiated,
                surrogate.equals("SG") ? Surrogate.gaussian(0.5) : Surrogate.stein(0.5, 8), false);
        SplittableRandom rng = new SplittableRandom(11);
        float[] input = new float[STEPS * N_IN * BATCH]; // [t][i][b]
        for (int e = 0; e < input.length; e++) {
            input[e] = rng.nextDouble() < 0.4 ? 1f : 0f;
        }
        double[] params = new double[N_OUT * N_IN + N_OUT]; // W [j][i], then b, float values
        for (int e = 0; e < params.length; e++) {
            params[e] = (float) rng.nextDouble(-0.3, 0.9);
        }
        float[] w = new float[N_OUT * N_IN];
        float[] bias = new float[N_OUT];
        for (int e = 0; e < w.length; e++) {
            w[e] = (float) params[e];
        }
        for (int j = 0; j < N_OUT; j++) {
            bias[j] = (float) params[N_OUT * N_IN + j];
        }
        double[] v = new double[params.length];
        for (int j = 0; j < N_OUT; j++) {
            v[N_OUT * N_IN + j] = (float) rng.nextDouble(-1, 1);
        }
        long seed = 77L;

        FloatSpikingDenseKernel.Trace trace = FloatSpikingDenseKernel.forward(
                new LayerShape(BATCH, N_IN, N_OUT, STEPS, true), input, w, bias, neuron, true, seed, 0);

        FloatSpikingDenseJvp sweep = new FloatSpikingDenseJvp(neuron, N_OUT, STEPS, seed,
                new ParamTangents(params, new double[][] {v}, 0, N_OUT * N_IN, new boolean[] {true}), 0);
        int block = N_OUT * BATCH;
        float[] udot = new float[block];
        long spikes = 0;
        for (int t = 0; t < STEPS; t++) {
            float[] step = Arrays.copyOfRange(input, t * N_IN * BATCH, (t + 1) * N_IN * BATCH);
            FloatStepValue out = sweep.step(t, new FloatStepValue(N_IN, BATCH, step, new float[1][]));
            float[] sdot = out.tangents()[0];
            for (int k = 0; k < block; k++) {
                int e = t * block + k;
                assertThat(out.primal()[k]).as("spike t=%d k=%d", t, k).isEqualTo(trace.spikes()[e]);
                float vb = (float) v[N_OUT * N_IN + k / BATCH];
                // the rule in float: beta rounded to float, each operation rounded (no FMA)
                float u = udot[k] * (float) neuron.beta() + vb;
                assertThat(sdot[k]).as("tangent t=%d k=%d", t, k).isEqualTo(trace.spikeSlopes()[e] * u);
                udot[k] = trace.resetSlopes()[e] * u;
                spikes += (long) trace.spikes()[e];
            }
        }
        assertThat(sweep.spikeCount()).isEqualTo(trace.spikeCount()).isEqualTo(spikes).isPositive();
    }
}
