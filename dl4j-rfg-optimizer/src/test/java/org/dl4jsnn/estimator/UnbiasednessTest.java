package org.dl4jsnn.estimator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.forward.ForwardGraph;
import org.dl4jsnn.forward.Value;
import org.dl4jsnn.layer.NdArrays;
import org.dl4jsnn.testing.MexicanHatData;
import org.dl4jsnn.testing.Networks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * E[(dL.v) v] = grad L: the mean of n estimates approaches the gradient with error ~ 1/sqrt(n). Local-guided
 * directions need a guide and are checked in {@link LocalGuideTest}.
 */
class UnbiasednessTest {

    @ParameterizedTest
    @EnumSource(value = Perturbation.class, names = "LOCAL_GUIDED", mode = EnumSource.Mode.EXCLUDE)
    void meanOfEstimatesConvergesToTheBackpropGradient(Perturbation perturbation) {
        MultiLayerNetwork net = new MultiLayerNetwork(Networks.mlp(3, DataType.DOUBLE, new NoOp(), 2, 1,
                new SpikingDense.Builder().timeSteps(6), 5, 4));
        net.init();
        DataSet data = MexicanHatData.train(32, 4, DataType.DOUBLE);
        net.setInput(data.getFeatures());
        net.setLabels(data.getLabels());
        net.computeGradientAndScore();
        double[] grad = NdArrays.toDoubles(net.gradient().gradient());
        double[] params = NdArrays.toDoubles(net.params());
        ForwardGraph graph = ForwardGraph.of(net);
        ForwardGradientEstimator estimator = new ForwardGradientEstimator(
                new RfgSettings(perturbation, 1, DirectionDistribution.RADEMACHER, 11));
        int k = perturbation == Perturbation.GLOBAL ? 1 : graph.segments().size();
        List<Value> in = List.of(Value.constant(32, 2, NdArrays.toDoubles(data.getFeatures()), k));
        List<double[]> labels = List.of(NdArrays.toDoubles(data.getLabels()));

        double[] sum = new double[params.length];
        double errorAt100 = 0;
        for (int n = 1; n <= 1600; n++) {
            // a different iteration number gives fresh directions over the same weights and batch
            double[] g = estimator.estimate(graph, params, in, labels, 0, n).gradient();
            for (int e = 0; e < g.length; e++) {
                sum[e] += g[e];
            }
            if (n == 100) {
                errorAt100 = relativeError(sum, n, grad);
            }
        }
        double errorAt1600 = relativeError(sum, 1600, grad);
        // 16 times the samples: the error should shrink about 4-fold
        assertThat(errorAt1600).isLessThan(errorAt100 / 2.5);
        assertThat(errorAt1600).isLessThan(0.5);
    }

    /** |mean of n summed estimates - grad| / |grad|: how far an average of estimates is from the gradient. */
    static double relativeError(double[] sum, int n, double[] grad) {
        double num = 0;
        double den = 0;
        for (int e = 0; e < grad.length; e++) {
            double d = sum[e] / n - grad[e];
            num += d * d;
            den += grad[e] * grad[e];
        }
        return Math.sqrt(num / den);
    }
}
