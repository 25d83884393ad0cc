package org.dl4jsnn.data;

import java.io.Serializable;
import org.dl4jsnn.solver.Checks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Samples of an operator from 1-D functions to functions of (x, t) on a tensor grid: n input functions
 * at m sensors, and each output on the Nx x Nt grid, flattened with index {@code i * Nt + j} for
 * {@code (x_i, t_j)}. Immutable; validated on construction.
 */
public final class GridOperatorSamples implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double[] functions;   // [n, m]
    private final double[] sensors;     // [m]
    private final double[] x;           // [Nx]
    private final double[] t;           // [Nt]
    private final double[] solutions;   // [n, Nx * Nt]

    /**
     * @param functions f_s at the sensors: n >= 1 rows of length m, finite
     * @param sensors   the m sensor locations
     * @param x         the Nx grid points in x
     * @param t         the Nt grid points in t
     * @param solutions n rows of length Nx * Nt, entry {@code i * Nt + j} at {@code (x_i, t_j)}
     */
    public GridOperatorSamples(double[][] functions, double[] sensors, double[] x, double[] t, double[][] solutions) {
        Checks.finite("sensors", sensors);
        Checks.finite("x", x);
        Checks.finite("t", t);
        Checks.positive("sensors.length (sensor count m)", sensors.length);
        Checks.positive("x.length (Nx)", x.length);
        Checks.positive("t.length (Nt)", t.length);
        Checks.notNull("functions", functions);
        Checks.positive("functions.length (function count)", functions.length);
        Checks.finiteMatrix("functions", functions, sensors.length);
        Checks.finiteMatrix("solutions", solutions, x.length * t.length);
        if (solutions.length != functions.length) {
            throw new IllegalArgumentException("solutions.length must equal functions.length " + functions.length
                    + ", got " + solutions.length);
        }
        this.sensors = sensors.clone();
        this.x = x.clone();
        this.t = t.clone();
        this.functions = OperatorSamples.flatten(functions, sensors.length);
        this.solutions = OperatorSamples.flatten(solutions, x.length * t.length);
    }

    private GridOperatorSamples(double[] functions, double[] sensors, double[] x, double[] t, double[] solutions) {
        this.functions = functions;
        this.sensors = sensors;
        this.x = x;
        this.t = t;
        this.solutions = solutions;
    }

    /** From flattened row-major arrays, validated like the public constructor; arrays are not copied. */
    static GridOperatorSamples ofFlat(double[] functions, double[] sensors, double[] x, double[] t,
                                     double[] solutions) {
        Checks.finite("sensors", sensors);
        Checks.finite("x", x);
        Checks.finite("t", t);
        Checks.finite("functions", functions);
        Checks.finite("solutions", solutions);
        Checks.positive("sensors.length (sensor count m)", sensors.length);
        Checks.positive("x.length (Nx)", x.length);
        Checks.positive("t.length (Nt)", t.length);
        int n = functions.length / sensors.length;
        long grid = (long) x.length * t.length;
        if (n == 0 || functions.length != n * sensors.length || solutions.length != n * grid) {
            throw new IllegalArgumentException("functions (" + functions.length + " values) and solutions ("
                    + solutions.length + " values) do not form n x " + sensors.length + " and n x " + grid
                    + " matrices with the same n >= 1");
        }
        return new GridOperatorSamples(functions, sensors, x, t, solutions);
    }

    public int functionCount() {
        return functions.length / sensors.length;
    }

    public int sensorCount() {
        return sensors.length;
    }

    public int nx() {
        return x.length;
    }

    public int nt() {
        return t.length;
    }

    public double[] sensors() {
        return sensors.clone();
    }

    public double[] x() {
        return x.clone();
    }

    public double[] t() {
        return t.clone();
    }

    public double[] function(int s) {
        return java.util.Arrays.copyOfRange(functions, s * sensors.length, (s + 1) * sensors.length);
    }

    /** u_s on the grid, flattened with index {@code i * Nt + j}. */
    public double[] solution(int s) {
        int g = x.length * t.length;
        return java.util.Arrays.copyOfRange(solutions, s * g, (s + 1) * g);
    }

    /** u_s(x_i, t_j). */
    public double value(int s, int i, int j) {
        return solutions[(s * x.length + i) * t.length + j];
    }

    /** All input functions, shape [n, m]. */
    public INDArray functionsArray(DataType dataType) {
        return NdArrays.create(functions, NdArrays.checkFloatingPoint(dataType), functionCount(), sensorCount());
    }

    /** x grid as a trunk input, shape [Nx, 1]. */
    public INDArray xColumn(DataType dataType) {
        return NdArrays.create(x, NdArrays.checkFloatingPoint(dataType), nx(), 1);
    }

    /** t grid as a trunk input, shape [Nt, 1]. */
    public INDArray tColumn(DataType dataType) {
        return NdArrays.create(t, NdArrays.checkFloatingPoint(dataType), nt(), 1);
    }

    /** All outputs, shape [n, Nx * Nt], column {@code i * Nt + j} at {@code (x_i, t_j)}. */
    public INDArray solutionsArray(DataType dataType) {
        return NdArrays.create(solutions, NdArrays.checkFloatingPoint(dataType), functionCount(),
                (long) nx() * nt());
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

    double[] xNoCopy() {
        return x;
    }

    double[] tNoCopy() {
        return t;
    }
}
