package org.dl4jsnn.surrogate;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Stein estimator's sum over its draws in SIMD lanes: {@link CounterNoise}'s mix and uniform, one
 * lane per draw, and the central branch of {@link Gaussians#quantile} (a rational function); the tails'
 * quantile (log, sqrt) stays scalar. Accepted draws are added in draw order. Every value is the scalar
 * path's, bit for bit: the lanes do the same 64-bit integer arithmetic, the same exact long-to-double
 * conversion and the same multiplies, adds and divide in the same order (no FMA).
 */
final class SteinDrawsSimd {

    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private SteinDrawsSimd() {
    }

    static boolean fits() {
        return L.length() == D.length();
    }

    /** sum over i in [0, samples) of quantile(u_i) where u_i > skip and quantile(u_i) > cut. */
    static double sum(long seed, long first, int samples, double skip, double cut) {
        final int lanes = L.length();
        LongVector iota = LongVector.zero(L).addIndex(1);
        double[] uniforms = new double[lanes];
        double[] centrals = new double[lanes];
        double sum = 0.0;
        int i = 0;
        for (; i + lanes <= samples; i += lanes) {
            LongVector z = iota.add(first + i).mul(CounterNoise.GOLDEN_GAMMA).add(seed);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            DoubleVector u = ((DoubleVector) z.lanewise(VectorOperators.LSHR, 11).convert(VectorOperators.L2D, 0))
                    .add(0.5).mul(CounterNoise.TWO_POW_MINUS_53);
            // the quantile's central branch in lanes, operation for operation as Gaussians.quantile
            DoubleVector q = u.sub(0.5);
            DoubleVector r = q.mul(q);
            double[] a = Gaussians.A;
            double[] b = Gaussians.B;
            DoubleVector num = r.mul(a[0]).add(a[1]).mul(r).add(a[2]).mul(r).add(a[3]).mul(r).add(a[4]).mul(r)
                    .add(a[5]).mul(q);
            DoubleVector den = r.mul(b[0]).add(b[1]).mul(r).add(b[2]).mul(r).add(b[3]).mul(r).add(b[4]).mul(r)
                    .add(1.0);
            u.intoArray(uniforms, 0);
            num.div(den).intoArray(centrals, 0);
            // lane by lane in draw order; masks are slow on Java 17 (their compare and toLong are not intrinsic)
            for (int l = 0; l < lanes; l++) {
                double ul = uniforms[l];
                if (ul <= skip) {
                    continue;
                }
                // tails (about 5% of draws) take the scalar quantile with its log and sqrt
                double xi = ul >= Gaussians.P_LOW && ul <= 1 - Gaussians.P_LOW ? centrals[l] : Gaussians.quantile(ul);
                if (xi > cut) {
                    sum += xi;
                }
            }
        }
        for (; i < samples; i++) {
            double u = CounterNoise.uniform(seed, first + i);
            if (u > skip) {
                double xi = Gaussians.quantile(u);
                if (xi > cut) {
                    sum += xi;
                }
            }
        }
        return sum;
    }
}
