package org.dl4jsnn.export;

import java.util.Arrays;

/**
 * A dense layer on Loihi's integer grid: even weight mantissas [out][in], bias mantissas, its CUBA neuron
 * and the scale k with which it was quantized (float value = mantissa / k).
 */
public record QuantizedLayer(String name, int[][] weight, int[] bias, CubaParams neuron, double scale) {

    public QuantizedLayer {
        if (weight.length == 0 || weight[0].length == 0) {
            throw new IllegalArgumentException("layer '" + name + "': weight must be at least 1 x 1");
        }
        for (int j = 0; j < weight.length; j++) {
            if (weight[j].length != weight[0].length) {
                throw new IllegalArgumentException("layer '" + name + "': weight row " + j + " has "
                        + weight[j].length + " entries, row 0 has " + weight[0].length);
            }
            for (int i = 0; i < weight[j].length; i++) {
                int w = weight[j][i];
                if (w < LoihiLimits.WEIGHT_MIN || w > LoihiLimits.WEIGHT_MAX) {
                    throw new IllegalArgumentException("layer '" + name + "': field weight[" + j + "][" + i + "] = "
                            + w + " is outside [" + LoihiLimits.WEIGHT_MIN + ", " + LoihiLimits.WEIGHT_MAX + "]");
                }
            }
        }
        if (bias.length != weight.length) {
            throw new IllegalArgumentException("layer '" + name + "': field bias has " + bias.length
                    + " entries for " + weight.length + " neurons");
        }
        for (int j = 0; j < bias.length; j++) {
            if (bias[j] < LoihiLimits.BIAS_MIN || bias[j] > LoihiLimits.BIAS_MAX) {
                throw new IllegalArgumentException("layer '" + name + "': field bias[" + j + "] = " + bias[j]
                        + " is outside [" + LoihiLimits.BIAS_MIN + ", " + LoihiLimits.BIAS_MAX + "]");
            }
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("layer '" + name + "': scale must be finite and > 0, got " + scale);
        }
    }

    public int nIn() {
        return weight[0].length;
    }

    public int nOut() {
        return weight.length;
    }

    /** Equal content (records compare arrays by identity). */
    public boolean sameAs(QuantizedLayer o) {
        return name.equals(o.name) && Arrays.deepEquals(weight, o.weight) && Arrays.equals(bias, o.bias)
                && neuron.equals(o.neuron) && scale == o.scale;
    }
}
