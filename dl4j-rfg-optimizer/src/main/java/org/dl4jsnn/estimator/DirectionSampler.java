package org.dl4jsnn.estimator;

import java.util.SplittableRandom;

/** Fills the K direction rows of one parameter group; entries outside the group stay zero. */
final class DirectionSampler {

    private DirectionSampler() {
    }

    /** Rows {@code first .. first + k - 1} of {@code v}: the group's K directions. */
    static void fill(DirectionDistribution distribution, double[][] v, int first, int k, ParameterGroup group,
                     SplittableRandom rng) {
        int[] idx = group.indices();
        if (distribution != DirectionDistribution.ORTHOGONAL) {
            for (int d = 0; d < k; d++) {
                for (int e : idx) {
                    v[first + d][e] = distribution.sample(rng);
                }
            }
            return;
        }
        int n = idx.length;
        double radius = Math.sqrt(n);
        for (int block = 0; block < k; block += n) {
            int count = Math.min(n, k - block);
            double[][] basis = orthonormal(count, n, rng);
            for (int d = 0; d < count; d++) {
                for (int i = 0; i < n; i++) {
                    v[first + block + d][idx[i]] = radius * basis[d][i];
                }
            }
        }
    }

    /**
     * {@code count <= n} orthonormal vectors in R^n, uniformly distributed as a frame: Gaussian vectors
     * orthonormalized by modified Gram-Schmidt (its first vector is uniform on the sphere, and each next
     * one uniform on the sphere of the complement, so each alone is uniform on the sphere).
     */
    static double[][] orthonormal(int count, int n, SplittableRandom rng) {
        double[][] q = new double[count][n];
        for (int d = 0; d < count; d++) {
            double norm = 0;
            // a draw lying (numerically) in the span of the earlier ones has probability zero; redraw it
            while (!(norm > 1e-8)) {
                for (int i = 0; i < n; i++) {
                    q[d][i] = DirectionDistribution.GAUSSIAN.sample(rng);
                }
                double before = Math.sqrt(dot(q[d], q[d]));
                for (int j = 0; j < d; j++) {
                    double c = dot(q[d], q[j]);
                    for (int i = 0; i < n; i++) {
                        q[d][i] -= c * q[j][i];
                    }
                }
                norm = Math.sqrt(dot(q[d], q[d])) / before;
            }
            double len = Math.sqrt(dot(q[d], q[d]));
            for (int i = 0; i < n; i++) {
                q[d][i] /= len;
            }
        }
        return q;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
