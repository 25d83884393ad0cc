package org.dl4jsnn.neuron;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

/**
 * exp(x) for x <= 0 in SIMD lanes, from additions and multiplications only: x = n ln2 + r with |r| <=
 * ln2 / 2, exp(r) by its Taylor series to degree 13 (truncation below 5e-18), 2^n put in the exponent
 * bits. Relative error below 2e-15 against {@link Math#exp}; below x = -708 it returns exp(-708).
 *
 * <p>Why not the Vector API's own EXP: its value depends on whether the JIT has compiled the caller (a
 * vector math library when compiled, {@link Math#exp} per lane before), so the layer kernel and the forward
 * sweep could disagree in the last bit, and a run would not repeat bit for bit. IEEE additions and
 * multiplications give the same bits in every tier.
 */
final class LaneExp {

    private static final double LOG2E = 1.4426950408889634;
    /** ln 2 split so that n LN2_HI is exact for |n| < 2^20 (its low 32 bits are zero). */
    private static final double LN2_HI = Double.longBitsToDouble(0x3fe62e42fee00000L);
    private static final double LN2_LO = Double.longBitsToDouble(0x3dea39ef35793c76L);
    /** Adding 1.5 2^52 rounds to an integer, which then sits in the low bits of the sum. */
    private static final double ROUNDER = 0x1.8p52;
    private static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
    private static final double FLOOR = -708.0;
    private static final int DEGREE = 13;
    /** 1 / k!, k = 0..DEGREE. */
    private static final double[] INVERSE_FACTORIALS = inverseFactorials();

    private LaneExp() {
    }

    private static double[] inverseFactorials() {
        double[] c = new double[DEGREE + 1];
        double f = 1;
        for (int k = 0; k <= DEGREE; k++) {
            f = k == 0 ? 1 : f * k;
            c[k] = 1.0 / f;
        }
        return c;
    }

    static DoubleVector of(DoubleVector x) {
        x = x.max(FLOOR);
        DoubleVector shifted = x.mul(LOG2E).add(ROUNDER);
        DoubleVector n = shifted.sub(ROUNDER);
        DoubleVector r = x.sub(n.mul(LN2_HI)).sub(n.mul(LN2_LO));
        DoubleVector p = DoubleVector.broadcast(x.species(), INVERSE_FACTORIALS[DEGREE]);
        for (int k = DEGREE - 1; k >= 0; k--) {
            p = p.mul(r).add(INVERSE_FACTORIALS[k]);
        }
        LongVector exponent = ((LongVector) shifted.viewAsIntegralLanes()).sub(ROUNDER_BITS).add(1023)
                .lanewise(VectorOperators.LSHL, 52);
        return p.mul((DoubleVector) exponent.viewAsFloatingLanes());
    }
}
