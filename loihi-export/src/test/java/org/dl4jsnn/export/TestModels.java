package org.dl4jsnn.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.dl4jsnn.neuron.ResetMode;

/** Small seeded models for export tests. */
public final class TestModels {

    private TestModels() {
    }

    public static DenseParams dense(String name, int nOut, int nIn, double scale, Random rnd) {
        double[][] w = new double[nOut][nIn];
        double[] b = new double[nOut];
        for (int j = 0; j < nOut; j++) {
            for (int i = 0; i < nIn; i++) {
                w[j][i] = scale * rnd.nextGaussian();
            }
            b[j] = 0.1 * scale * rnd.nextGaussian();
        }
        return new DenseParams(name, w, b);
    }

    /** sizes = {nIn, hidden..., nOut}. */
    public static SpikingMlp mlp(long seed, ResetMode reset, int steps, int... sizes) {
        Random rnd = new Random(seed);
        List<DenseParams> layers = new ArrayList<>();
        for (int l = 1; l < sizes.length - 1; l++) {
            layers.add(dense("spikes" + (l - 1), sizes[l], sizes[l - 1], 1.0, rnd));
        }
        double[] thresholds = new double[layers.size()];
        Arrays.fill(thresholds, 1.0);
        DenseParams readout = dense("u", sizes[sizes.length - 1], sizes[sizes.length - 2], 0.5, rnd);
        return new SpikingMlp(layers, thresholds, reset, readout, steps);
    }

    public static double[][] inputs(long seed, int n, int nIn, double range) {
        Random rnd = new Random(seed);
        double[][] x = new double[n][nIn];
        for (double[] row : x) {
            for (int i = 0; i < nIn; i++) {
                row[i] = range * (2 * rnd.nextDouble() - 1);
            }
        }
        return x;
    }
}
