package org.dl4jsnn.forward;

/**
 * One time step's spikes of a spiking layer with their stacked tangents: what flows along a temporal edge
 * of the forward sweep (spiking layer to spiking layer or to a time average).
 *
 * <p>Unlike {@link Value}, the layout puts the batch innermost, [j][b] (width x batch), the layout of the
 * layer kernel, so that the synaptic products run long loops over the batch. {@code tangents[k]} is null
 * where the tangent is known to be zero.
 */
public record StepValue(int width, int batch, double[] primal, double[][] tangents) {

    public StepValue {
        if (primal.length != width * batch) {
            throw new IllegalArgumentException("primal has " + primal.length + " elements, expected " + width + "x"
                    + batch);
        }
    }

    /** The same numbers as a {@link Value} [batch][width]. */
    public Value toValue() {
        double[][] t = new double[tangents.length][];
        for (int k = 0; k < t.length; k++) {
            t[k] = tangents[k] == null ? null : transpose(tangents[k], width, batch);
        }
        return new Value(batch, width, transpose(primal, width, batch), t);
    }

    /** A {@link Value} [batch][width] in this layout. */
    public static StepValue of(Value v) {
        double[][] t = new double[v.directions()][];
        for (int k = 0; k < t.length; k++) {
            t[k] = v.tangents()[k] == null ? null : transpose(v.tangents()[k], v.rows(), v.cols());
        }
        return new StepValue(v.cols(), v.rows(), transpose(v.primal(), v.rows(), v.cols()), t);
    }

    static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a[r * cols + c];
            }
        }
        return t;
    }

    public int directions() {
        return tangents.length;
    }
}
