package org.dl4jsnn.samediff.rfg;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * One randomized forward-gradient estimate, at the parameters before any update.
 *
 * @param iteration              the trainer's iteration counter when it was taken
 * @param loss                   L
 * @param directionalDerivatives dL along each stacked direction, in the order of
 *                               {@link org.dl4jsnn.estimator.DirectionLayout} (the DL4J path's order)
 * @param gradient               parameter name -> the estimate (1/K) sum_k dL_k v_k, in its shape
 */
public record GradientEstimate(long iteration, double loss, List<Double> directionalDerivatives,
                               Map<String, INDArray> gradient) {

    public GradientEstimate {
        directionalDerivatives = List.copyOf(directionalDerivatives);
        gradient = Map.copyOf(gradient);
    }
}
