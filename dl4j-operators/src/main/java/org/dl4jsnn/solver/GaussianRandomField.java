package org.dl4jsnn.solver;

import java.util.Random;

/**
 * Zero-mean Gaussian random field on fixed 1-D points with the RBF (squared-exponential) kernel
 * {@code k(x, x') = variance * exp(-(x - x')^2 / (2 lengthScale^2))}.
 *
 * <p>Samples are {@code L z} with {@code L L^T = K + jitter I} and {@code z} standard normal. The RBF
 * kernel matrix on a fine grid is numerically singular (its eigenvalues decay faster than
 * exponentially, so rounding makes the smallest ones slightly negative), so a plain Cholesky
 * factorisation fails. A diagonal jitter is added, starting at {@value #INITIAL_RELATIVE_JITTER}
 * times the variance and multiplied by 10 until the factorisation succeeds; the jitter actually
 * used is exposed by {@link #jitter()}. The sampled field then has covariance {@code K + jitter I}:
 * the kernel plus independent noise of that variance, negligible at the jitters reached in practice.
 * Beyond {@value #MAX_RELATIVE_JITTER} times the variance the perturbation would no longer be
 * negligible, so construction fails instead.
 *
 * <p>Immutable and thread-safe; randomness comes only from the generator passed in.
 */
public final class GaussianRandomField {

    public static final double INITIAL_RELATIVE_JITTER = 1e-10;
    public static final double MAX_RELATIVE_JITTER = 1e-4;

    private final double[] points;
    private final double lengthScale;
    private final double variance;
    private final double jitter;
    /** Row i holds L[i][0..i]: the lower triangle only, so a sample costs n^2/2 multiply-adds. */
    private final double[][] cholesky;

    public GaussianRandomField(double[] points, double lengthScale, double variance) {
        Checks.notNull("points", points);
        Checks.atLeast("points.length (grid size)", points.length, 2);
        Checks.finite("points", points);
        this.lengthScale = Checks.positive("lengthScale", lengthScale);
        this.variance = Checks.positive("variance", variance);
        this.points = points.clone();

        JitteredCholesky factor = JitteredCholesky.of(kernelMatrix(), variance);
        this.cholesky = factor.lower();
        this.jitter = factor.jitter();
    }

    /** A field on {@code n} equispaced points of [0, 1], endpoints included. */
    public static GaussianRandomField onUnitInterval(int n, double lengthScale, double variance) {
        Checks.atLeast("grid size", n, 2);
        return new GaussianRandomField(Grids.linspace(0, 1, n), lengthScale, variance);
    }

    public double kernel(double x, double y) {
        double d = x - y;
        return variance * Math.exp(-d * d / (2 * lengthScale * lengthScale));
    }

    /** The diagonal jitter added to the kernel matrix so that it factors (absolute, not relative). */
    public double jitter() {
        return jitter;
    }

    public double[] points() {
        return points.clone();
    }

    public int size() {
        return points.length;
    }

    public double lengthScale() {
        return lengthScale;
    }

    public double variance() {
        return variance;
    }

    /**
     * One sample at the points.
     *
     * <p>Takes {@link Random} because its {@code nextGaussian} algorithm is fixed by its
     * specification, so a seed reproduces the same samples on every JDK, which the data cache relies on.
     */
    public double[] sample(Random rng) {
        Checks.notNull("rng", rng);
        int n = points.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = rng.nextGaussian();
        }
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            double[] row = cholesky[i];
            double s = 0;
            for (int j = 0; j <= i; j++) {
                s += row[j] * z[j];
            }
            f[i] = s;
        }
        return f;
    }

    /** {@code count} independent samples from a generator seeded with {@code seed}. */
    public double[][] samples(int count, long seed) {
        Checks.atLeast("count", count, 0);
        Random rng = new Random(seed);
        double[][] out = new double[count][];
        for (int s = 0; s < count; s++) {
            out[s] = sample(rng);
        }
        return out;
    }

    private double[][] kernelMatrix() {
        int n = points.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                k[i][j] = kernel(points[i], points[j]);
                k[j][i] = k[i][j];
            }
        }
        return k;
    }

    /**
     * The lower Cholesky factor of {@code k + jitter I} for the smallest jitter in the sequence
     * {@code scale * 1e-10, scale * 1e-9, ..., scale * 1e-4} that makes every pivot positive.
     *
     * @param lower  row i holds L[i][0..i]
     * @param jitter the absolute jitter used
     */
    record JitteredCholesky(double[][] lower, double jitter) {

        static JitteredCholesky of(double[][] k, double scale) {
            for (double relative = INITIAL_RELATIVE_JITTER; relative <= MAX_RELATIVE_JITTER * 1.000001;
                 relative *= 10) {
                double[][] l = cholesky(k, relative * scale);
                if (l != null) {
                    return new JitteredCholesky(l, relative * scale);
                }
            }
            throw new IllegalStateException("kernel matrix of size " + k.length + " did not factor with jitter up to "
                    + MAX_RELATIVE_JITTER + " * variance");
        }

        /** Lower Cholesky factor of {@code k + jitter I}, or null when a pivot is not positive. */
        private static double[][] cholesky(double[][] k, double jitter) {
            int n = k.length;
            double[][] l = new double[n][];
            for (int i = 0; i < n; i++) {
                l[i] = new double[i + 1];
                double[] li = l[i];
                for (int j = 0; j <= i; j++) {
                    double s = k[i][j] + (i == j ? jitter : 0);
                    double[] lj = l[j];
                    for (int p = 0; p < j; p++) {
                        s -= li[p] * lj[p];
                    }
                    if (i == j) {
                        if (!(s > 0)) {
                            return null;
                        }
                        li[i] = Math.sqrt(s);
                    } else {
                        li[j] = s / lj[j];
                    }
                }
            }
            return l;
        }
    }
}
