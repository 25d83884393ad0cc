package org.dl4jsnn.neuron;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * {@link LaneExp} in float lanes: x = n ln2 + r with |r| <= ln2 / 2, exp(r) by its Taylor series to degree
 * 7 (truncation below 6e-9), 2^n in the exponent bits. Relative error below 4e-7 (a few float ulps)
 * against {@link Math#exp}; below x = -87 it returns exp(-87), the smallest normal float's order.
 * Additions and multiplications only, for the same reason as {@link LaneExp}: the same bits in every JIT
 * tier.
 */
final class LaneExpFloat {

    private static final float LOG2E = 1.44269504f;
    /** ln 2 split so that n LN2_HI is exact for |n| < 2^9 (its low 12 bits are zero). */
    private static final float LN2_HI = Float.intBitsToFloat(0x3f317000);
    private static final float LN2_LO = (float) (Math.log(2) - Float.intBitsToFloat(0x3f317000));
    /** Adding 1.5 2^23 rounds to an integer, which then sits in the low bits of the sum. */
    private static final float ROUNDER = 0x1.8p23f;
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    private static final float FLOOR = -87.0f;
    private static final int DEGREE = 7;
    private static final float[] INVERSE_FACTORIALS = inverseFactorials();

    private LaneExpFloat() {
    }

    private static float[] inverseFactorials() {
        float[] c = new float[DEGREE + 1];
        double f = 1;
        for (int k = 0; k <= DEGREE; k++) {
            f = k == 0 ? 1 : f * k;
            c[k] = (float) (1.0 / f);
        }
        return c;
    }

    static FloatVector of(FloatVector x) {
        x = x.max(FLOOR);
        FloatVector shifted = x.mul(LOG2E).add(ROUNDER);
        FloatVector n = shifted.sub(ROUNDER);
        FloatVector r = x.sub(n.mul(LN2_HI)).sub(n.mul(LN2_LO));
        FloatVector p = FloatVector.broadcast(x.species(), INVERSE_FACTORIALS[DEGREE]);
        for (int k = DEGREE - 1; k >= 0; k--) {
            p = p.mul(r).add(INVERSE_FACTORIALS[k]);
        }
        IntVector exponent = ((IntVector) shifted.viewAsIntegralLanes()).sub(ROUNDER_BITS).add(127)
                .lanewise(VectorOperators.LSHL, 23);
        return p.mul((FloatVector) exponent.viewAsFloatingLanes());
    }
}
