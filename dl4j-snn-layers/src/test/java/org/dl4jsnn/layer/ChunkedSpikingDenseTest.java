package org.dl4jsnn.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.ResetMode;
import org.dl4jsnn.parallel.BatchChunks;
import org.dl4jsnn.parallel.BatchThreads;
import org.dl4jsnn.surrogate.Surrogate;
import org.junit.jupiter.api.Test;

/** The layer kernel split over threads: same numbers for any thread count, and the same noise per example. */
class ChunkedSpikingDenseTest {

    private static final int BATCH = 2 * BatchChunks.SIZE + 300;
    // WSG: its noise is addressed by example index, so a chunk that lost its offset would change the slopes
    private static final IntegrateAndFireNeuron WSG = new IntegrateAndFireNeuron(1.0, 1.0, ResetMode.SUBTRACT,
            false, Surrogate.stein(0.5, 4), false);

    private static double[] random(int n, long seed, double scale) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int e = 0; e < n; e++) {
            x[e] = scale * r.nextGaussian();
        }
        return x;
    }

    private record Run(ChunkedSpikingDense.Trace trace, SpikingDenseKernel.Gradients grads) {
    }

    private static Run run(LayerShape shape, double[] in, double[] w, double[] b, double[] eps, BatchThreads threads) {
        ChunkedSpikingDense.Trace tr = ChunkedSpikingDense.forward(shape, in, w, b, WSG, true, 77L, threads);
        return new Run(tr, ChunkedSpikingDense.backward(tr, eps, w, WSG, threads));
    }

    @Test
    void oneTwoAndThreeThreadsGiveIdenticalSpikesAndGradients() {
        for (boolean spikeInput : new boolean[] {false, true}) {
            LayerShape shape = new LayerShape(BATCH, 3, 5, 6, spikeInput);
            double[] in = spikeInput ? spikes(shape.inputLength()) : random(shape.inputLength(), 1, 1.0);
            double[] w = random(15, 2, 0.8);
            double[] b = random(5, 3, 0.3);
            double[] eps = random(shape.outputLength(), 4, 1.0);
            Run one = run(shape, in, w, b, eps, BatchThreads.single());
            for (int n : new int[] {2, 3}) {
                try (BatchThreads threads = BatchThreads.of(n)) {
                    Run many = run(shape, in, w, b, eps, threads);
                    assertThat(many.trace().spikes()).isEqualTo(one.trace().spikes());
                    assertThat(many.trace().spikeCount()).isEqualTo(one.trace().spikeCount());
                    assertThat(many.grads().weights()).isEqualTo(one.grads().weights());
                    assertThat(many.grads().bias()).isEqualTo(one.grads().bias());
                    assertThat(many.grads().input()).isEqualTo(one.grads().input());
                }
            }
        }
    }

    @Test
    void chunksSeeTheWholeBatchsNoiseAndSpikes() {
        LayerShape shape = new LayerShape(BATCH, 3, 5, 6, false);
        double[] in = random(shape.inputLength(), 5, 1.0);
        double[] w = random(15, 6, 0.8);
        double[] b = random(5, 7, 0.3);
        double[] eps = random(shape.outputLength(), 8, 1.0);
        Run chunked = run(shape, in, w, b, eps, BatchThreads.single());
        SpikingDenseKernel.Trace whole = SpikingDenseKernel.forward(shape, in, w, b, WSG, true, 77L);
        SpikingDenseKernel.Gradients g = SpikingDenseKernel.backward(shape, whole, eps, in, w, WSG);
        assertThat(BatchChunks.count(BATCH)).isEqualTo(3);
        // per-example quantities do not depend on the split at all
        assertThat(chunked.trace().spikes()).isEqualTo(whole.spikes());
        assertThat(chunked.grads().input()).isEqualTo(g.input());
        // sums over the batch are regrouped by chunk: equal to rounding
        for (int e = 0; e < g.weights().length; e++) {
            assertThat(chunked.grads().weights()[e]).isCloseTo(g.weights()[e],
                    org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(g.weights()[e]))));
        }
        assertThat(chunked.grads().weights()).isNotEqualTo(new double[15]);
    }

    private static double[] spikes(int n) {
        Random r = new Random(9);
        double[] s = new double[n];
        for (int e = 0; e < n; e++) {
            s[e] = r.nextDouble() < 0.3 ? 1.0 : 0.0;
        }
        return s;
    }
}
