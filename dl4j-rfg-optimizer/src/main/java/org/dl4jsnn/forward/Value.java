package org.dl4jsnn.forward;

/**
 * A primal value with its stacked tangents: what flows along an edge of the forward sweep.
 *
 * <p>The primal is a row-major [rows][cols] matrix. {@code tangents[k]} is the derivative along
 * direction k with the same layout, or null where it is known to be zero (inputs, or layers before the
 * one a layer-wise direction perturbs): zeros are never computed, so layer-wise perturbation costs
 * what one global direction costs.
 */
public record Value(int rows, int cols, double[] primal, double[][] tangents) {

    public Value {
        if (primal.length != rows * cols) {
            throw new IllegalArgumentException("primal has " + primal.length + " elements, expected " + rows + "x" + cols);
        }
    }

    public static Value constant(int rows, int cols, double[] primal, int directions) {
        return new Value(rows, cols, primal, new double[directions][]);
    }

    public int directions() {
        return tangents.length;
    }

    public boolean hasTangent(int k) {
        return tangents[k] != null;
    }
}
