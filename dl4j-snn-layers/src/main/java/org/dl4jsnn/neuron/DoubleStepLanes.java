package org.dl4jsnn.neuron;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/** {@link StepLanes} over double[]. */
final class DoubleStepLanes extends StepLanes<Double> {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    @Override
    VectorSpecies<Double> species() {
        return S;
    }

    @Override
    Vector<Double> load(Object array, int i, VectorMask<Double> m) {
        double[] a = (double[]) array;
        return m == null ? DoubleVector.fromArray(S, a, i) : DoubleVector.fromArray(S, a, i, m);
    }

    @Override
    void store(Vector<Double> v, Object array, int i, VectorMask<Double> m) {
        double[] a = (double[]) array;
        if (m == null) {
            ((DoubleVector) v).intoArray(a, i);
        } else {
            ((DoubleVector) v).intoArray(a, i, m);
        }
    }

    @Override
    Vector<Double> broadcast(double c) {
        return DoubleVector.broadcast(S, c);
    }

    @Override
    Vector<Double> exp(Vector<Double> x) {
        return LaneExp.of((DoubleVector) x);
    }

    @Override
    double get(Object array, int i) {
        return ((double[]) array)[i];
    }

    @Override
    void set(Object array, int i, double v) {
        ((double[]) array)[i] = v;
    }
}
