package org.dl4jsnn.data;

import org.dl4jsnn.solver.Checks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Samples of an operator G from 1-D functions to functions on an (x, t) grid: n input functions f_s at
 * m sensors, and u_s = G(f_s) on the Nx x Nt grid, flattened with index {@code i * Nt + j} at
 * {@code (x_i, t_j)}. Immutable; validated on construction.
 */
public final class GridOperatorSamples extends FunctionSamples {

    private static final long serialVersionUID = 1L;

    private final double[] x;           // [Nx]
    private final double[] t;           // [Nt]

    /**
     * @param functions f_s at the sensors: n >= 1 rows of length m, finite
     * @param sensors   the m sensor locations
     * @param x         the Nx grid points in x
     * @param t         the Nt grid points in t
     * @param solutions n rows of length Nx * Nt, entry {@code i * Nt + j} at {@code (x_i, t_j)}
     */
    public GridOperatorSamples(double[][] functions, double[] sensors, double[] x, double[] t, double[][] solutions) {
        this(checkedFlatten(functions, sensors, x, t, solutions), sensors.clone(), x.clone(), t.clone(),
                flatten(solutions, x.length * t.length));
    }

    private static double[] checkedFlatten(double[][] functions, double[] sensors, double[] x, double[] t,
                                           double[][] solutions) {
        checkAxes(sensors, x, t);
        checkRows(functions, sensors, solutions, x.length * t.length);
        return flatten(functions, sensors.length);
    }

    private static void checkAxes(double[] sensors, double[] x, double[] t) {
        Checks.finite("sensors", sensors);
        Checks.finite("x", x);
        Checks.finite("t", t);
        Checks.positive("sensors.length (sensor count m)", sensors.length);
        Checks.positive("x.length (Nx)", x.length);
        Checks.positive("t.length (Nt)", t.length);
    }

    private GridOperatorSamples(double[] functions, double[] sensors, double[] x, double[] t, double[] solutions) {
        super(functions, sensors, solutions);
        this.x = x;
        this.t = t;
    }

    /** From flattened row-major arrays, validated like the public constructor; arrays are not copied. */
    static GridOperatorSamples ofFlat(double[] functions, double[] sensors, double[] x, double[] t,
                                     double[] solutions) {
        checkAxes(sensors, x, t);
        checkFlat(functions, sensors, solutions, (long) x.length * t.length);
        return new GridOperatorSamples(functions, sensors, x, t, solutions);
    }

    @Override
    public GridOperatorSamples rows(int from, int to) {
        Checks.rowRange(from, to, functionCount());
        return new GridOperatorSamples(functionRows(from, to), sensorsNoCopy(), x, t, solutionRows(from, to));
    }

    @Override
    int solutionWidth() {
        return x.length * t.length;
    }

    public int nx() {
        return x.length;
    }

    public int nt() {
        return t.length;
    }

    public double[] x() {
        return x.clone();
    }

    public double[] t() {
        return t.clone();
    }

    /** u_s(x_i, t_j). */
    public double value(int s, int i, int j) {
        return flatSolutions()[(s * x.length + i) * t.length + j];
    }

    /** x grid as a trunk input, shape [Nx, 1]. */
    public INDArray xColumn(DataType dataType) {
        return DetachedArrays.create(x, DetachedArrays.checkFloatingPoint(dataType), nx(), 1);
    }

    /** t grid as a trunk input, shape [Nt, 1]. */
    public INDArray tColumn(DataType dataType) {
        return DetachedArrays.create(t, DetachedArrays.checkFloatingPoint(dataType), nt(), 1);
    }

    double[] xNoCopy() {
        return x;
    }

    double[] tNoCopy() {
        return t;
    }
}
