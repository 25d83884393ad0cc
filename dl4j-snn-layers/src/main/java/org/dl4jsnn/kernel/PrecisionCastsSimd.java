package org.dl4jsnn.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/** {@link PrecisionCasts} in lanes: a float vector of half the double vector's width per conversion. */
final class PrecisionCastsSimd {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class,
            VectorShape.forBitSize(D.vectorBitSize() / 2));

    private PrecisionCastsSimd() {
    }

    /** Converts whole vectors; returns where the caller's scalar tail starts. */
    static int widen(float[] src, double[] dst, int n) {
        int e = 0;
        for (int bound = n - D.length(); e <= bound; e += D.length()) {
            ((DoubleVector) FloatVector.fromArray(F, src, e).convertShape(VectorOperators.F2D, D, 0)).intoArray(dst, e);
        }
        return e;
    }

    static int narrow(double[] src, float[] dst, int n) {
        int e = 0;
        for (int bound = n - D.length(); e <= bound; e += D.length()) {
            ((FloatVector) DoubleVector.fromArray(D, src, e).convertShape(VectorOperators.D2F, F, 0)).intoArray(dst, e);
        }
        return e;
    }
}
