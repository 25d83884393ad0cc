package org.dl4jsnn.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FiniteScan}'s fast test: lane-wise sums of all elements. An infinity or NaN makes its lane
 * infinite or NaN for good (inf + finite = inf, inf - inf = NaN, NaN + anything = NaN), so finite lane
 * sums prove every element finite. The converse does not hold (finite values may overflow a lane), which
 * is why a non-finite sum only sends the caller to its exact search.
 */
final class FiniteScanSimd {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private FiniteScanSimd() {
    }

    static boolean sumIsFinite(float[] values) {
        FloatVector acc = FloatVector.zero(F);
        int e = 0;
        for (int bound = F.loopBound(values.length); e < bound; e += F.length()) {
            acc = acc.add(FloatVector.fromArray(F, values, e));
        }
        float tail = 0f;
        for (; e < values.length; e++) {
            tail += values[e];
        }
        return acc.test(VectorOperators.IS_FINITE).allTrue() && Float.isFinite(tail);
    }

    static boolean sumIsFinite(double[] values) {
        DoubleVector acc = DoubleVector.zero(D);
        int e = 0;
        for (int bound = D.loopBound(values.length); e < bound; e += D.length()) {
            acc = acc.add(DoubleVector.fromArray(D, values, e));
        }
        double tail = 0.0;
        for (; e < values.length; e++) {
            tail += values[e];
        }
        return acc.test(VectorOperators.IS_FINITE).allTrue() && Double.isFinite(tail);
    }
}
