package org.dl4jsnn.layer;

import java.util.Random;

/** Seeded test inputs shared by the chunked-kernel tests, so both compare the same kind of data. */
final class GaussianArrays {

    private GaussianArrays() {
    }

    /** {@code n} independent N(0, scale^2) values from {@code seed}. */
    static double[] random(int n, long seed, double scale) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int e = 0; e < n; e++) {
            x[e] = scale * r.nextGaussian();
        }
        return x;
    }
}
