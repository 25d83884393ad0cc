package org.dl4jsnn.data;

import java.io.Serializable;
import java.util.Arrays;
import org.dl4jsnn.solver.Checks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Pairs (input point in R^d, scalar target): a function-regression data set. Immutable. */
public final class PointSamples implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Row-major [size, dimension]. */
    private final double[] inputs;
    private final double[] targets;
    private final int dimension;

    /**
     * @param inputs  one row per sample, all rows of equal length >= 1, finite
     * @param targets one value per sample, finite
     */
    public PointSamples(double[][] inputs, double[] targets) {
        Checks.notNull("inputs", inputs);
        Checks.notNull("targets", targets);
        Checks.positive("inputs.length (sample count)", inputs.length);
        if (inputs[0] == null) {
            throw new IllegalArgumentException("inputs row 0 must not be null");
        }
        int d = Checks.positive("inputs[0].length (input dimension)", inputs[0].length);
        Checks.finiteMatrix("inputs", inputs, d);
        Checks.finite("targets", targets);
        if (targets.length != inputs.length) {
            throw new IllegalArgumentException("targets.length must equal inputs.length " + inputs.length + ", got "
                    + targets.length);
        }
        this.dimension = d;
        this.inputs = new double[inputs.length * d];
        for (int i = 0; i < inputs.length; i++) {
            System.arraycopy(inputs[i], 0, this.inputs, i * d, d);
        }
        this.targets = targets.clone();
    }

    /** From already flattened arrays (row-major inputs), validated the same way; arrays are not copied. */
    static PointSamples ofFlat(double[] inputs, int dimension, double[] targets) {
        Checks.positive("dimension", dimension);
        Checks.finite("inputs", inputs);
        Checks.finite("targets", targets);
        if (targets.length == 0 || inputs.length != (long) targets.length * dimension) {
            throw new IllegalArgumentException("inputs must have targets.length * dimension = " + targets.length + " * "
                    + dimension + " values, got " + inputs.length);
        }
        return new PointSamples(inputs, dimension, targets);
    }

    private PointSamples(double[] inputs, int dimension, double[] targets) {
        this.inputs = inputs;
        this.dimension = dimension;
        this.targets = targets;
    }

    public int size() {
        return targets.length;
    }

    public int dimension() {
        return dimension;
    }

    public double input(int sample, int coordinate) {
        return inputs[sample * dimension + coordinate];
    }

    public double target(int sample) {
        return targets[sample];
    }

    public double[][] inputs() {
        double[][] out = new double[size()][dimension];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(inputs, i * dimension, out[i], 0, dimension);
        }
        return out;
    }

    public double[] targets() {
        return targets.clone();
    }

    /** All inputs, shape [size, dimension]. */
    public INDArray inputsArray(DataType dataType) {
        return DetachedArrays.create(inputs, DetachedArrays.checkFloatingPoint(dataType), size(), dimension);
    }

    /** All targets, shape [size, 1]. */
    public INDArray targetsArray(DataType dataType) {
        return DetachedArrays.create(targets, DetachedArrays.checkFloatingPoint(dataType), size(), 1);
    }

    /** The samples [from, to), as a new data set (for hold-out splits). */
    public PointSamples rows(int from, int to) {
        Checks.rowRange(from, to, size());
        return new PointSamples(Arrays.copyOfRange(inputs, from * dimension, to * dimension), dimension,
                Arrays.copyOfRange(targets, from, to));
    }

    double[] flatInputs() {
        return inputs;
    }

    double[] flatTargets() {
        return targets;
    }
}
