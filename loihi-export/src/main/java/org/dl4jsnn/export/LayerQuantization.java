package org.dl4jsnn.export;

/**
 * What quantizing one layer did.
 *
 * @param role                "encoder" (host current into the first layer's bias), "spiking" or "readout"
 * @param scale               k (float value = mantissa / k)
 * @param limitedBy           which range fixed k: "weight", "bias", "threshold", "synaptic input", "voltage",
 *                            "current"
 * @param weightsClipped      weights that fell outside [-256, 254] at this scale
 * @param biasesClipped       bias mantissas clipped to [-4095, 4095] (for the encoder: none, it is per sample)
 * @param maxAbsWeightError   max |w - mantissa / k|
 * @param relativeWeightError ||W - W_q / k||_F / ||W||_F
 * @param thresholdMantissa   round(k theta) (0 for the readout, which does not spike)
 */
public record LayerQuantization(String layer, String role, double scale, String limitedBy, int weightsClipped,
                                int biasesClipped, double maxAbsWeightError, double relativeWeightError,
                                int thresholdMantissa) {
}
