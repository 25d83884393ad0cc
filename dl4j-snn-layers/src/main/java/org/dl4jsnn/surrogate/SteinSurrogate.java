package org.dl4jsnn.surrogate;

import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * WSG, the weak-form surrogate: by Stein's lemma, for e ~ N(0, s^2), E[H(z + e) e] / s^2 equals the
 * Gaussian surrogate g(z). This estimates it from N draws, (1/N) sum_i H(z + e_i) e_i / s^2, so it needs
 * only spike evaluations, never a derivative. Each neuron-step gets fresh draws.
 */
public final class SteinSurrogate implements Surrogate {

    private static final long serialVersionUID = 1L;

    /** Hash the draws in SIMD lanes (same values, see SteinDrawsSimd) when the Vector API is present. */
    private static final boolean SIMD = org.dl4jsnn.kernel.VectorApi.available() && SteinDrawsSimd.fits();

    /** The neuron-steps whose draws one {@link #derivatives} pass hashes together (a few KB of scratch). */
    private static final int BLOCK = 256;

    private final double width;
    private final int samples;

    @JsonCreator
    public SteinSurrogate(@JsonProperty("width") double width, @JsonProperty("samples") int samples) {
        this.width = Surrogate.requireWidth(width);
        if (samples < 1) {
            throw new IllegalArgumentException("WSG samples N must be >= 1, got " + samples);
        }
        this.samples = samples;
    }

    @Override
    @JsonProperty("width")
    public double width() {
        return width;
    }

    @JsonProperty("samples")
    public int samples() {
        return samples;
    }

    @Override
    public double derivative(double z, long noiseSeed, long element) {
        // With e = s * xi: H(z + s xi) * s xi / s^2 = [xi > -z/s] * xi / s.
        double cut = -z / width;
        // draws at or below this uniform level fall below the cut: skip their quantile (same sum, bit for bit)
        double skip = QuantileFloor.of(cut);
        long first = element * samples;
        if (SIMD) {
            return SteinDrawsSimd.sum(noiseSeed, first, samples, skip, cut) / (samples * width);
        }
        double sum = 0.0;
        for (int i = 0; i < samples; i++) {
            double u = CounterNoise.uniform(noiseSeed, first + i);
            if (u <= skip) {
                continue;
            }
            double xi = Gaussians.quantile(u);
            if (xi > cut) {
                sum += xi;
            }
        }
        return sum / (samples * width);
    }

    /**
     * {@link #derivative}(z[k], noiseSeed, elements[k]) for k in [0, n), into out[k], bit for bit: the
     * draws of a block of neuron-steps are hashed together (see {@link SteinDrawMasks}) and only the draws
     * that can clear their cut reach the quantile, in draw order, so every sum adds the same terms in the
     * same order as the one-at-a-time estimator.
     */
    public void derivatives(double[] z, long noiseSeed, long[] elements, double[] out, int n) {
        if (n > Math.min(z.length, Math.min(elements.length, out.length))) {
            throw new IllegalArgumentException("n must be <= the arrays' lengths, got " + n);
        }
        if (samples > SteinDrawMasks.MAX_SAMPLES) {
            for (int k = 0; k < n; k++) {
                out[k] = derivative(z[k], noiseSeed, elements[k]);
            }
            return;
        }
        int chunk = Math.min(n, BLOCK);
        long[] firsts = new long[chunk];
        long[] acceptFrom = new long[chunk];
        long[] masks = new long[chunk];
        for (int from = 0; from < n; from += BLOCK) {
            int m = Math.min(BLOCK, n - from);
            for (int k = 0; k < m; k++) {
                firsts[k] = elements[from + k] * samples;
                acceptFrom[k] = QuantileFloor.acceptFrom(-z[from + k] / width);
            }
            SteinDrawMasks.fill(noiseSeed, firsts, acceptFrom, samples, masks, m);
            for (int k = 0; k < m; k++) {
                out[from + k] = masks[k] == 0 ? 0.0 : acceptedSum(noiseSeed, firsts[k], masks[k], -z[from + k] / width)
                        / (samples * width);
            }
        }
    }

    /** sum of the draws xi > cut among those the mask marks, in draw order. */
    private static double acceptedSum(long seed, long first, long mask, double cut) {
        double sum = 0.0;
        for (long left = mask; left != 0; left &= left - 1) {
            double xi = Gaussians.quantile(CounterNoise.uniform(seed, first + Long.numberOfTrailingZeros(left)));
            if (xi > cut) {
                sum += xi;
            }
        }
        return sum;
    }

    @Override
    public boolean isStochastic() {
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SteinSurrogate other && Double.compare(width, other.width) == 0
                && samples == other.samples;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(width) + samples;
    }

    @Override
    public String toString() {
        return "WSG(s=" + width + ", N=" + samples + ")";
    }
}
