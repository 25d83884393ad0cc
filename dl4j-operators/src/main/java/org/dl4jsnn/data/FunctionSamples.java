package org.dl4jsnn.data;

import java.io.Serializable;
import java.util.Arrays;
import org.dl4jsnn.solver.Checks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What every operator data set holds: n input functions f_s at m sensors and, for each, its output
 * u_s = G(f_s) as a row of values (at points, or on a grid: the subclass says where). Immutable.
 */
public abstract sealed class FunctionSamples implements Serializable permits OperatorSamples, GridOperatorSamples {

    private static final long serialVersionUID = 1L;

    private final double[] functions;   // [n, m] row-major
    private final double[] sensors;     // [m]
    private final double[] solutions;   // [n, width] row-major

    /** Takes the arrays as they are: callers validate (see {@link #checkRows} and {@link #checkFlat}). */
    FunctionSamples(double[] functions, double[] sensors, double[] solutions) {
        this.functions = functions;
        this.sensors = sensors;
        this.solutions = solutions;
    }

    /** Validates row-wise functions and solutions (each solution row of length {@code width}). */
    static void checkRows(double[][] functions, double[] sensors, double[][] solutions, int width) {
        Checks.notNull("functions", functions);
        Checks.positive("functions.length (function count)", functions.length);
        Checks.finiteMatrix("functions", functions, sensors.length);
        Checks.finiteMatrix("solutions", solutions, width);
        if (solutions.length != functions.length) {
            throw new IllegalArgumentException("solutions.length must equal functions.length " + functions.length
                    + ", got " + solutions.length);
        }
    }

    /** Validates flattened functions [n, m] and solutions [n, width] for one n >= 1. */
    static void checkFlat(double[] functions, double[] sensors, double[] solutions, long width) {
        Checks.finite("functions", functions);
        Checks.finite("solutions", solutions);
        int n = functions.length / sensors.length;
        if (n == 0 || functions.length != n * sensors.length || solutions.length != n * width) {
            throw new IllegalArgumentException("functions (" + functions.length + " values) and solutions ("
                    + solutions.length + " values) do not form n x " + sensors.length + " and n x " + width
                    + " matrices with the same n >= 1");
        }
    }

    static double[] flatten(double[][] rows, int columns) {
        double[] flat = new double[rows.length * columns];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * columns, columns);
        }
        return flat;
    }

    /** Values per solution row. */
    abstract int solutionWidth();

    public int functionCount() {
        return functions.length / sensors.length;
    }

    public int sensorCount() {
        return sensors.length;
    }

    public double[] sensors() {
        return sensors.clone();
    }

    /** f_s at the sensors. */
    public double[] function(int s) {
        return Arrays.copyOfRange(functions, s * sensors.length, (s + 1) * sensors.length);
    }

    /** u_s, one row of {@link #solutionWidth()} values. */
    public double[] solution(int s) {
        int w = solutionWidth();
        return Arrays.copyOfRange(solutions, s * w, (s + 1) * w);
    }

    /** All input functions, shape [n, m]. */
    public INDArray functionsArray(DataType dataType) {
        return DetachedArrays.create(functions, DetachedArrays.checkFloatingPoint(dataType),
                functionCount(), sensorCount());
    }

    /** All outputs, shape [n, width]. */
    public INDArray solutionsArray(DataType dataType) {
        return DetachedArrays.create(solutions, DetachedArrays.checkFloatingPoint(dataType),
                functionCount(), solutionWidth());
    }

    /** The functions [from, to) with their solutions, as the same kind of data set (for hold-out splits). */
    public abstract FunctionSamples rows(int from, int to);

    double[] functionRows(int from, int to) {
        return Arrays.copyOfRange(functions, from * sensors.length, to * sensors.length);
    }

    double[] solutionRows(int from, int to) {
        int w = solutionWidth();
        return Arrays.copyOfRange(solutions, from * w, to * w);
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
}
