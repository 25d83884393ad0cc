package org.dl4jsnn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.testing.MexicanHatData;
import org.dl4jsnn.testing.Networks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;

/** The data-parallel seam (docs/design.md section 9): what the exchange sees and what its answer does. */
class DirectionalDerivativeExchangeTest {

    private static RfgMultiLayerNetwork network() {
        MultiLayerNetwork net = new MultiLayerNetwork(Networks.mlp(4, DataType.DOUBLE, new Sgd(0.1), 2, 1,
                new SpikingDense.Builder().timeSteps(8), 8, 6));
        net.init();
        return RfgMultiLayerNetwork.wrap(net, RfgSettings.layerwise(5).withDirections(2));
    }

    @Test
    void theExchangeSeesTheSweepsDerivativesAndItsAnswerIsWhatTheStepUses() {
        DataSet batch = MexicanHatData.train(32, 1, DataType.DOUBLE);
        RfgMultiLayerNetwork local = network();
        INDArray before = local.params().dup();
        local.fit(batch);
        INDArray localStep = before.sub(local.params());

        RfgMultiLayerNetwork doubled = network();
        List<Long> iterations = new ArrayList<>();
        List<double[]> seen = new ArrayList<>();
        doubled.setDirectionalDerivativeExchange((iteration, ldots) -> {
            iterations.add(iteration);
            seen.add(ldots.clone());
            double[] twice = new double[ldots.length];
            for (int i = 0; i < ldots.length; i++) {
                twice[i] = 2 * ldots[i];
            }
            return twice;
        });
        doubled.fit(batch);
        INDArray doubledStep = before.sub(doubled.params());

        assertThat(iterations).containsExactly(0L);
        // K = 2 per layer, three layers with parameters
        assertThat(seen.get(0)).hasSize(6).containsExactly(doubled.lastEstimate().sweep().lossTangents());
        assertThat(seen.get(0)).containsExactly(local.lastEstimate().sweep().lossTangents());
        // SGD's step is linear in the derivatives: doubling them doubles it (up to the subtraction's rounding)
        double scale = localStep.norm2Number().doubleValue();
        assertThat(scale).isGreaterThan(0);
        assertThat(doubledStep.sub(localStep.mul(2)).norm2Number().doubleValue()).isLessThan(1e-12 * scale);
    }
}
