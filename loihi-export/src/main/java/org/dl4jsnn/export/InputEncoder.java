package org.dl4jsnn.export;

/**
 * How real-valued input reaches the chip (docs/export.md, "Input encoding"): the host computes the first
 * spiking layer's direct current c = W x + b in floating point and writes round(k c) into that layer's
 * bias mantissas for the first T steps of the sample (zero afterwards). The first layer is then exactly
 * the model's first layer, up to rounding the current to a step of 1/k.
 *
 * @param current the first spiking layer's float W and b
 * @param scale   k, a power of two
 * @param neuron  the first layer's CUBA neuron (threshold mantissa round(k theta))
 */
public record InputEncoder(DenseParams current, double scale, CubaParams neuron) {

    public InputEncoder {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("encoder scale must be finite and > 0, got " + scale);
        }
    }

    public int nIn() {
        return current.nIn();
    }

    public int nOut() {
        return current.nOut();
    }

    /** round(k (W x + b)), clipped to the bias mantissa range; returns how many clipped in {@code clipped[0]}. */
    public int[] biasMantissas(double[] x, int[] clipped) {
        double[] c = current.apply(x);
        int[] m = new int[c.length];
        for (int j = 0; j < c.length; j++) {
            long r = Math.round(scale * c[j]);
            if (r > LoihiLimits.BIAS_MAX || r < LoihiLimits.BIAS_MIN) {
                clipped[0]++;
                r = Math.max(LoihiLimits.BIAS_MIN, Math.min(LoihiLimits.BIAS_MAX, r));
            }
            m[j] = (int) r;
        }
        return m;
    }
}
