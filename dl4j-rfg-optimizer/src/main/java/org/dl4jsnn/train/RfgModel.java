package org.dl4jsnn.train;

import org.dl4jsnn.estimator.DirectionalDerivativeExchange;
import org.dl4jsnn.estimator.ForwardGradientEstimator;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.parallel.BatchThreads;

/**
 * A DL4J network that trains by randomized forward gradients ({@link RfgMultiLayerNetwork},
 * {@link RfgComputationGraph}): what a caller can set and read without knowing which of DL4J's two network
 * classes it extends.
 */
public interface RfgModel {

    /** The estimator's settings, fixed at construction. */
    RfgSettings settings();

    /** The last iteration's estimate (loss, directional derivatives, spike counts), or null before the first. */
    ForwardGradientEstimator.Estimate lastEstimate();

    /**
     * Splits the minibatch over {@code threads}, in the forward sweep and in the spiking layers (inference,
     * back-propagation). A runtime setting, not saved with the model; results are the same bit for bit for
     * any count. The caller owns the threads and closes them; a clone starts single-threaded.
     */
    void setBatchThreads(BatchThreads threads);

    /**
     * Replaces the directional derivatives each step measures before the estimate is formed: the seam of
     * data-parallel RFG (docs/design.md section 9). A runtime setting, not saved with the model; a clone
     * starts with {@link DirectionalDerivativeExchange#LOCAL}.
     */
    void setDirectionalDerivativeExchange(DirectionalDerivativeExchange exchange);
}
