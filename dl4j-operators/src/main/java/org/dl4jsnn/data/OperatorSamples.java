package org.dl4jsnn.data;

import java.io.Serializable;
import org.dl4jsnn.solver.Checks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Samples of an operator G on 1-D functions: n input functions f_s given at m sensors, and the outputs
 * u_s = G(f_s) at q evaluation points. Immutable; validated on construction.
 */
public final class OperatorSamples implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double[] functions;   // [n, m] row-major
    private final double[] sensors;     // [m]
    private final double[] points;      // [q]
    private final double[] solutions;   // [n, q] row-major

    /**
     * @param functions f_s at the sensors: n >= 1 rows of length m, finite
     * @param sensors   the m sensor locations, finite
     * @param points    the q evaluation points, finite
     * @param solutions u_s at the points: n rows of length q, finite
     */
    public OperatorSamples(double[][] functions, double[] sensors, double[] points, double[][] solutions) {
        Checks.finite("sensors", sensors);
        Checks.finite("points", points);
        Checks.positive("sensors.length (sensor count m)", sensors.length);
        Checks.positive("points.length (point count q)", points.length);
        Checks.notNull("functions", functions);
        Checks.positive("functions.length (function count)", functions.length);
        Checks.finiteMatrix("functions", functions, sensors.length);
        Checks.finiteMatrix("solutions", solutions, points.length);
        if (solutions.length != functions.length) {
            throw new IllegalArgumentException("solutions.length must equal functions.length " + functions.length
                    + ", got " + solutions.length);
        }
        this.sensors = sensors.clone();
        this.points = points.clone();
        this.functions = flatten(functions, sensors.length);
        this.solutions = flatten(solutions, points.length);
    }

    private OperatorSamples(double[] functions, double[] sensors, double[] points, double[] solutions) {
        this.functions = functions;
        this.sensors = sensors;
        this.points = points;
        this.solutions = solutions;
    }

    /** From flattened row-major arrays, validated like the public constructor; arrays are not copied. */
    static OperatorSamples ofFlat(double[] functions, double[] sensors, double[] points, double[] solutions) {
        Checks.finite("sensors", sensors);
        Checks.finite("points", points);
        Checks.finite("functions", functions);
        Checks.finite("solutions", solutions);
        Checks.positive("sensors.length (sensor count m)", sensors.length);
        Checks.positive("points.length (point count q)", points.length);
        int n = functions.length / sensors.length;
        if (n == 0 || functions.length != n * sensors.length || solutions.length != (long) n * points.length) {
            throw new IllegalArgumentException("functions (" + functions.length + " values) and solutions ("
                    + solutions.length + " values) do not form n x " + sensors.length + " and n x " + points.length
                    + " matrices with the same n >= 1");
        }
        return new OperatorSamples(functions, sensors, points, solutions);
    }

    static double[] flatten(double[][] rows, int columns) {
        double[] flat = new double[rows.length * columns];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * columns, columns);
        }
        return flat;
    }

    public int functionCount() {
        return functions.length / sensors.length;
    }

    public int sensorCount() {
        return sensors.length;
    }

    public int pointCount() {
        return points.length;
    }

    public double[] sensors() {
        return sensors.clone();
    }

    public double[] points() {
        return points.clone();
    }

    /** f_s at the sensors. */
    public double[] function(int s) {
        return java.util.Arrays.copyOfRange(functions, s * sensors.length, (s + 1) * sensors.length);
    }

    /** u_s at the points. */
    public double[] solution(int s) {
        return java.util.Arrays.copyOfRange(solutions, s * points.length, (s + 1) * points.length);
    }

    /** u_s at point p. */
    public double value(int s, int p) {
        return solutions[s * points.length + p];
    }

    /** All input functions, shape [n, m]. */
    public INDArray functionsArray(DataType dataType) {
        return NdArrays.create(functions, NdArrays.checkFloatingPoint(dataType), functionCount(), sensorCount());
    }

    /** The evaluation points, shape [q]. */
    public INDArray pointsArray(DataType dataType) {
        return NdArrays.create(points, NdArrays.checkFloatingPoint(dataType), pointCount());
    }

    /** The evaluation points as a trunk-net input, shape [q, 1]. */
    public INDArray pointsColumn(DataType dataType) {
        return NdArrays.create(points, NdArrays.checkFloatingPoint(dataType), pointCount(), 1);
    }

    /** All outputs, shape [n, q]: row s is u_s at the points. */
    public INDArray solutionsArray(DataType dataType) {
        return NdArrays.create(solutions, NdArrays.checkFloatingPoint(dataType), functionCount(), pointCount());
    }

    double[] flatFunctions() {
        return functions;
    }

    double[] flatSolutions() {
        return solutions;
    }

    double[] sensorsNoCopy() {
        return sensors;
    }

    double[] pointsNoCopy() {
        return points;
    }
}
