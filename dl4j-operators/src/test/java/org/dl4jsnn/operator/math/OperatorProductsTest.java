package org.dl4jsnn.operator.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The SepONet products, computed as row-wise matrix products, against the defining sums written out
 * literally (sum over k of the three factors per grid point), and the tangent against a central
 * difference of the product itself. Odd sizes so no loop relies on a multiple of a vector width.
 */
class OperatorProductsTest {

    private static final int NB = 3;
    private static final int NX = 5;
    private static final int NT = 7;
    private static final int R = 4;

    private final SplittableRandom rng = new SplittableRandom(11);

    @Test
    void outerIsTheTripleSumAtEveryGridPoint() {
        double[] br = random(NB * R);
        double[] x = random(NX * R);
        double[] t = random(NT * R);
        assertClose(OperatorProducts.outer(br, x, t, NB, NX, NT, R), literalOuter(br, x, t));
    }

    @Test
    void adjointIsTheGradientOfTheErrorWeightedSum() {
        double[] br = random(NB * R);
        double[] x = random(NX * R);
        double[] t = random(NT * R);
        double[] eps = random(NB * NX * NT);
        double[][] got = OperatorProducts.outerAdjoint(eps, br, x, t, NB, NX, NT, R);
        double[] dBr = new double[NB * R];
        double[] dX = new double[NX * R];
        double[] dT = new double[NT * R];
        for (int b = 0; b < NB; b++) {
            for (int i = 0; i < NX; i++) {
                for (int j = 0; j < NT; j++) {
                    double e = eps[(b * NX + i) * NT + j];
                    for (int k = 0; k < R; k++) {
                        dBr[b * R + k] += e * x[i * R + k] * t[j * R + k];
                        dX[i * R + k] += e * br[b * R + k] * t[j * R + k];
                        dT[j * R + k] += e * br[b * R + k] * x[i * R + k];
                    }
                }
            }
        }
        assertClose(got[0], dBr);
        assertClose(got[1], dX);
        assertClose(got[2], dT);
    }

    @Test
    void tangentIsTheDirectionalDerivativeForEveryCombinationOfNonzeroFactors() {
        double[] br = random(NB * R);
        double[] x = random(NX * R);
        double[] t = random(NT * R);
        for (int mask = 0; mask < 8; mask++) {
            double[] brDot = (mask & 1) != 0 ? random(NB * R) : null;
            double[] xDot = (mask & 2) != 0 ? random(NX * R) : null;
            double[] tDot = (mask & 4) != 0 ? random(NT * R) : null;
            double[] got = OperatorProducts.outerTangent(br, brDot, x, xDot, t, tDot, NB, NX, NT, R);
            // trilinear: the central difference is exact up to the h^2 term of the cross products
            double h = 1e-4;
            double[] plus = literalOuter(step(br, brDot, h), step(x, xDot, h), step(t, tDot, h));
            double[] minus = literalOuter(step(br, brDot, -h), step(x, xDot, -h), step(t, tDot, -h));
            for (int e = 0; e < got.length; e++) {
                assertThat(got[e]).as("mask %d, element %d", mask, e)
                        .isCloseTo((plus[e] - minus[e]) / (2 * h), within(1e-7));
            }
        }
    }

    /**
     * The float products (FLOAT networks) on the task's grid width (101, not a multiple of any vector width)
     * agree with the double ones to float round-off: each element is a sum of at most nb nx = 606 terms of
     * size <= 1, so 1e-5 of the largest element bounds the error of float sums with room to spare.
     */
    @Test
    void floatProductsAgreeWithTheDoubleOnesToFloatRoundOff() {
        int nb = 6;
        int nx = 101;
        int nt = 101;
        int r = 16;
        double[] br = random(nb * r);
        double[] x = random(nx * r);
        double[] t = random(nt * r);
        double[] eps = random(nb * nx * nt);
        // the double products of the float-rounded inputs: what the float path computes, without its rounding
        br = rounded(br);
        x = rounded(x);
        t = rounded(t);
        eps = rounded(eps);
        assertFloatClose(OperatorProducts.outer(floats(br), floats(x), floats(t), nb, nx, nt, r),
                OperatorProducts.outer(br, x, t, nb, nx, nt, r));
        float[][] got = OperatorProducts.outerAdjoint(floats(eps), floats(br), floats(x), floats(t), nb, nx, nt, r);
        double[][] want = OperatorProducts.outerAdjoint(eps, br, x, t, nb, nx, nt, r);
        for (int g = 0; g < 3; g++) {
            assertFloatClose(got[g], want[g]);
        }
    }

    private static double[] rounded(double[] v) {
        double[] out = new double[v.length];
        for (int e = 0; e < v.length; e++) {
            out[e] = (float) v[e];
        }
        return out;
    }

    private static float[] floats(double[] v) {
        float[] out = new float[v.length];
        for (int e = 0; e < v.length; e++) {
            out[e] = (float) v[e];
        }
        return out;
    }

    private static void assertFloatClose(float[] got, double[] want) {
        assertThat(got).hasSize(want.length);
        double scale = 0;
        for (double w : want) {
            scale = Math.max(scale, Math.abs(w));
        }
        assertThat(scale).isPositive();
        for (int e = 0; e < want.length; e++) {
            assertThat((double) got[e]).as("element %d", e).isCloseTo(want[e], within(1e-5 * scale));
        }
    }

    private static double[] literalOuter(double[] br, double[] x, double[] t) {
        double[] out = new double[NB * NX * NT];
        for (int b = 0; b < NB; b++) {
            for (int i = 0; i < NX; i++) {
                for (int j = 0; j < NT; j++) {
                    double acc = 0;
                    for (int k = 0; k < R; k++) {
                        acc += br[b * R + k] * x[i * R + k] * t[j * R + k];
                    }
                    out[(b * NX + i) * NT + j] = acc;
                }
            }
        }
        return out;
    }

    private static double[] step(double[] v, double[] dir, double h) {
        if (dir == null) {
            return v;
        }
        double[] out = v.clone();
        for (int e = 0; e < out.length; e++) {
            out[e] += h * dir[e];
        }
        return out;
    }

    private double[] random(int n) {
        double[] v = new double[n];
        for (int e = 0; e < n; e++) {
            v[e] = rng.nextDouble(-1, 1);
        }
        return v;
    }

    private static void assertClose(double[] got, double[] want) {
        assertThat(got).hasSameSizeAs(want);
        for (int e = 0; e < want.length; e++) {
            assertThat(got[e]).as("element %d", e).isCloseTo(want[e], within(1e-12));
        }
    }
}
