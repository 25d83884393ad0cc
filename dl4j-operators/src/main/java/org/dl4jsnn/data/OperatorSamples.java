package org.dl4jsnn.data;

import org.dl4jsnn.solver.Checks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Samples of an operator G on 1-D functions: n input functions f_s given at m sensors, and the outputs
 * u_s = G(f_s) at q evaluation points. Immutable; validated on construction.
 */
public final class OperatorSamples extends FunctionSamples {

    private static final long serialVersionUID = 1L;

    private final double[] points;      // [q]

    /**
     * @param functions f_s at the sensors: n >= 1 rows of length m, finite
     * @param sensors   the m sensor locations, finite
     * @param points    the q evaluation points, finite
     * @param solutions u_s at the points: n rows of length q, finite
     */
    public OperatorSamples(double[][] functions, double[] sensors, double[] points, double[][] solutions) {
        this(checkedFlatten(functions, sensors, points, solutions), sensors.clone(), points.clone(),
                flatten(solutions, points.length));
    }

    private static double[] checkedFlatten(double[][] functions, double[] sensors, double[] points,
                                           double[][] solutions) {
        checkAxes(sensors, points);
        checkRows(functions, sensors, solutions, points.length);
        return flatten(functions, sensors.length);
    }

    private static void checkAxes(double[] sensors, double[] points) {
        Checks.finite("sensors", sensors);
        Checks.finite("points", points);
        Checks.positive("sensors.length (sensor count m)", sensors.length);
        Checks.positive("points.length (point count q)", points.length);
    }

    private OperatorSamples(double[] functions, double[] sensors, double[] points, double[] solutions) {
        super(functions, sensors, solutions);
        this.points = points;
    }

    /** From flattened row-major arrays, validated like the public constructor; arrays are not copied. */
    static OperatorSamples ofFlat(double[] functions, double[] sensors, double[] points, double[] solutions) {
        checkAxes(sensors, points);
        checkFlat(functions, sensors, solutions, points.length);
        return new OperatorSamples(functions, sensors, points, solutions);
    }

    @Override
    public OperatorSamples rows(int from, int to) {
        Checks.rowRange(from, to, functionCount());
        return new OperatorSamples(functionRows(from, to), sensorsNoCopy(), points, solutionRows(from, to));
    }

    @Override
    int solutionWidth() {
        return points.length;
    }

    public int pointCount() {
        return points.length;
    }

    public double[] points() {
        return points.clone();
    }

    /** u_s at point p. */
    public double value(int s, int p) {
        return flatSolutions()[s * points.length + p];
    }

    /** The evaluation points, shape [q]. */
    public INDArray pointsArray(DataType dataType) {
        return DetachedArrays.create(points, DetachedArrays.checkFloatingPoint(dataType), pointCount());
    }

    /** The evaluation points as a trunk-net input, shape [q, 1]. */
    public INDArray pointsColumn(DataType dataType) {
        return DetachedArrays.create(points, DetachedArrays.checkFloatingPoint(dataType), pointCount(), 1);
    }

    double[] pointsNoCopy() {
        return points;
    }
}
