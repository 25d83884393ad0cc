package org.dl4jsnn.forward;

/**
 * A layer's view of the network's flat parameter vector and of the stacked tangent directions:
 * W (row-major [nOut][nIn], which is DL4J's 'f'-ordered [nIn, nOut]) at {@code weightOffset}, the bias
 * at {@code biasOffset}. Also keeps W^T and V_k^T ([nIn][nOut]) once made: the sweep multiplies by them
 * at every time step, and in that layout the product is a vectorizable axpy over outputs.
 */
public final class ParamTangents {

    private final double[] params;
    private final double[][] directions;
    private final int weightOffset;
    private final int biasOffset;
    private final boolean[] active;
    private double[] weightsT;
    private final double[][] directionsT;

    public ParamTangents(double[] params, double[][] directions, int weightOffset, int biasOffset, boolean[] active) {
        this.params = params;
        this.directions = directions;
        this.weightOffset = weightOffset;
        this.biasOffset = biasOffset;
        this.active = active;
        this.directionsT = new double[directions.length][];
    }

    public double[] params() {
        return params;
    }

    public double[][] directions() {
        return directions;
    }

    public int weightOffset() {
        return weightOffset;
    }

    public int biasOffset() {
        return biasOffset;
    }

    /** True when direction k perturbs this layer's parameters. */
    public boolean perturbs(int k) {
        return active[k];
    }

    public int directionCount() {
        return directions.length;
    }

    /** W^T as [nIn][nOut]. */
    public double[] weightsTransposed(int nIn, int nOut) {
        if (weightsT == null) {
            weightsT = transpose(params, weightOffset, nIn, nOut);
        }
        return weightsT;
    }

    /** V_k^T (the weight part of direction k) as [nIn][nOut]. */
    public double[] directionTransposed(int k, int nIn, int nOut) {
        if (directionsT[k] == null) {
            directionsT[k] = transpose(directions[k], weightOffset, nIn, nOut);
        }
        return directionsT[k];
    }

    private static double[] transpose(double[] flat, int offset, int nIn, int nOut) {
        double[] t = new double[nIn * nOut];
        for (int j = 0; j < nOut; j++) {
            for (int i = 0; i < nIn; i++) {
                t[i * nOut + j] = flat[offset + j * nIn + i];
            }
        }
        return t;
    }
}
