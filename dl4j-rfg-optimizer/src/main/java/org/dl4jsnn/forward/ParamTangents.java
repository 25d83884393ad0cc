package org.dl4jsnn.forward;

/**
 * A layer's view of the network's flat parameter vector and of the stacked tangent directions:
 * W (row-major [nOut][nIn], which is DL4J's 'f'-ordered [nIn, nOut]) at {@code weightOffset}, the bias
 * at {@code biasOffset}.
 */
public record ParamTangents(double[] params, double[][] directions, int weightOffset, int biasOffset,
                            boolean[] active) {

    /** True when direction k perturbs this layer's parameters. */
    public boolean perturbs(int k) {
        return active[k];
    }

    public int directionCount() {
        return directions.length;
    }
}
