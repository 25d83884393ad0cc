package org.dl4jsnn.neuron;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/** {@link StepLanes} over float[]: twice the lanes of double, half the memory traffic. */
final class FloatStepLanes extends StepLanes<Float> {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    @Override
    VectorSpecies<Float> species() {
        return S;
    }

    @Override
    Vector<Float> load(Object array, int i, VectorMask<Float> m) {
        float[] a = (float[]) array;
        return m == null ? FloatVector.fromArray(S, a, i) : FloatVector.fromArray(S, a, i, m);
    }

    @Override
    void store(Vector<Float> v, Object array, int i, VectorMask<Float> m) {
        float[] a = (float[]) array;
        if (m == null) {
            ((FloatVector) v).intoArray(a, i);
        } else {
            ((FloatVector) v).intoArray(a, i, m);
        }
    }

    @Override
    Vector<Float> broadcast(double c) {
        return FloatVector.broadcast(S, (float) c);
    }

    @Override
    Vector<Float> exp(Vector<Float> x) {
        return LaneExpFloat.of((FloatVector) x);
    }

    @Override
    double get(Object array, int i) {
        return ((float[]) array)[i];
    }

    @Override
    void set(Object array, int i, double v) {
        ((float[]) array)[i] = (float) v;
    }
}
