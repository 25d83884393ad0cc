package org.dl4jsnn.neuron;

import jdk.incubator.vector.Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * What the SIMD neuron step needs to know about its precision, and nothing of the rule: the lane species,
 * array loads and stores, constants and {@code exp}. {@link NeuronStepSimd} writes the rule once against
 * this, so the double and the float kernels run the same sequence of operations and cannot drift apart.
 * The arrays are {@code double[]} for {@link #DOUBLE} and {@code float[]} for {@link #FLOAT}.
 */
abstract class StepLanes<E> {

    static final StepLanes<Double> DOUBLE = new DoubleStepLanes();
    static final StepLanes<Float> FLOAT = new FloatStepLanes();

    abstract VectorSpecies<E> species();

    abstract Vector<E> load(Object array, int i, VectorMask<E> m);

    abstract void store(Vector<E> v, Object array, int i, VectorMask<E> m);

    /** c rounded to this precision, in every lane. */
    abstract Vector<E> broadcast(double c);

    /** exp(x) for x <= 0, the same bits in every JIT tier (see {@link LaneExp}). */
    abstract Vector<E> exp(Vector<E> x);

    /** a[i] as a double (the scalar tail). */
    abstract double get(Object array, int i);

    /** a[i] = v rounded to this precision. */
    abstract void set(Object array, int i, double v);
}
