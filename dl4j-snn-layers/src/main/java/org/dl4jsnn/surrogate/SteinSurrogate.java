package org.dl4jsnn.surrogate;

import java.util.Objects;
import org.dl4jsnn.kernel.VectorApi;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * WSG, the weak-form surrogate: by Stein's lemma, for e ~ N(0, s^2), E[H(z + e) e] / s^2 equals the
 * Gaussian surrogate g(z). This estimates it from N draws, (1/N) sum_i H(z + e_i) e_i / s^2, so it needs
 * only spike evaluations, never a derivative. Each neuron-step gets fresh draws ({@link SteinDraws}).
 */
public final class SteinSurrogate implements Surrogate {

    private static final long serialVersionUID = 1L;

    /** Hash the draws in SIMD lanes (same values, see SteinDrawsSimd) when the Vector API is present. */
    private static final boolean SIMD = VectorApi.available() && SteinDrawsSimd.fits();

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
        if (!(cut < SteinDraws.MAX)) {
            return 0.0; // no draw exceeds the cut (also NaN: no draw compares above it)
        }
        // draws at or below this uniform level fall below the cut: skip their quantile (same sum, bit for bit)
        double skip = QuantileFloor.of(cut);
        // one neuron-step: the scalar loop (the lanes pay off over a block, see derivatives)
        double sum = SteinDraws.sum(noiseSeed, element, samples, skip, cut);
        return sum / (samples * width);
    }

    /**
     * {@link #derivative}(z[k], noiseSeed, elements[k]) for k in [0, n), into out[k], bit for bit: one
     * call for a block of neuron-steps, whose draws the lanes then hash and sum side by side.
     */
    public void derivatives(double[] z, long noiseSeed, long[] elements, double[] out, int n) {
        derivatives(z, noiseSeed, elements, out, n, new SteinScratch(Math.max(1, Math.min(n, SteinScratch.BLOCK))));
    }

    /** {@link #derivatives} with the caller's scratch, so that a loop over blocks allocates nothing. */
    public void derivatives(double[] z, long noiseSeed, long[] elements, double[] out, int n, SteinScratch s) {
        Objects.requireNonNull(s, "scratch s must not be null");
        if (n > Math.min(z.length, Math.min(elements.length, out.length))) {
            throw new IllegalArgumentException("n must be <= the arrays' lengths, got " + n);
        }
        int block = s.block();
        for (int from = 0; from < n; from += block) {
            int m = 0;
            for (int k = from; k < Math.min(n, from + block); k++) {
                double cut = -z[k] / width;
                if (!(cut < SteinDraws.MAX)) {
                    out[k] = 0.0; // as derivative: no draw exceeds the cut
                    continue;
                }
                s.index[m] = k;
                s.active[m] = elements[k];
                s.cuts[m] = cut;
                s.levels[m] = QuantileFloor.of(cut);
                m++;
            }
            if (SIMD) {
                SteinDrawsSimd.sums(noiseSeed, samples, m, s);
            } else {
                for (int j = 0; j < m; j++) {
                    s.sums[j] = SteinDraws.sum(noiseSeed, s.active[j], samples, s.levels[j], s.cuts[j]);
                }
            }
            for (int j = 0; j < m; j++) {
                out[s.index[j]] = s.sums[j] / (samples * width);
            }
        }
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
