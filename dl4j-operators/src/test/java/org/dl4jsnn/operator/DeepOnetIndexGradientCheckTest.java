package org.dl4jsnn.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.surrogate.Surrogate;
import org.dl4jsnn.testing.FiniteDifferences;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Back-propagation through the indexed product (gather forward, scatter-add back) against central finite
 * differences of the score, on a tiny DeepONet with soft spikes (where the Gaussian surrogate is the true
 * derivative, so BP is exact) whose branch holds 3 functions for 7 pairs.
 */
class DeepOnetIndexGradientCheckTest {

    private static SpikingDense.Builder soft() {
        return new SpikingDense.Builder().timeSteps(4).surrogate(Surrogate.gaussian(0.5)).softSpikes(true)
                .resetDifferentiated(true).threshold(0.7);
    }

    @Test
    void indexedProductBackpropMatchesFiniteDifferences() {
        ComputationGraph net = TinyPerFunctionDeepOnet.build(DeepOnetIndexGradientCheckTest::soft, 4);
        Nd4j.getRandom().setSeed(8);
        INDArray branch = Nd4j.rand(DataType.DOUBLE, 3, 3).muli(4).subi(1);
        INDArray trunk = Nd4j.rand(DataType.DOUBLE, 7, 1).muli(3);
        INDArray index = Nd4j.create(new double[] {2, 0, 2, 1, 0, 2, 1}, new long[] {7, 1}, 'c');
        INDArray labels = Nd4j.rand(DataType.DOUBLE, 7, 1);
        MultiDataSet data = new MultiDataSet(new INDArray[] {branch, trunk, index}, new INDArray[] {labels});
        net.setInputs(branch, trunk, index);
        net.setLabels(labels);
        net.computeGradientAndScore();
        // DL4J's gradient is of the summed loss; the score is its mean over the 7 pairs
        INDArray analytic = net.gradient().gradient().dup().divi(7);
        assertThat(analytic.amaxNumber().doubleValue()).isGreaterThan(1e-3);
        // h = 1e-5: the score is O(1), so a step of 1e-6 leaves ~1e-10 of rounding in each difference, which is
        // 1e-6 of the smaller entries; the truncation error of a central difference stays O(h^2)
        double error = FiniteDifferences.maxRelativeError(net.params(), analytic, () -> net.score(data), 1e-5, 1e-9);
        assertThat(error).isLessThan(1e-6);
    }
}
