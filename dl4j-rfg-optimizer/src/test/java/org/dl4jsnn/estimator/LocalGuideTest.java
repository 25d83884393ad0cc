package org.dl4jsnn.estimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dl4jsnn.estimator.UnbiasednessTest.relativeError;

import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.forward.ForwardGraph;
import org.dl4jsnn.forward.Value;
import org.dl4jsnn.layer.NdArrays;
import org.dl4jsnn.testing.MexicanHatData;
import org.dl4jsnn.testing.Networks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The estimator with a given guide (docs/design.md section 3), against back-propagation on a double 2-5-4-1
 * spiking MLP whose two spiking layers are guided by a guess only partly aligned with their gradient: with
 * K = 1 every estimate is the projection of the gradient onto the guide (biased); with K = 2 the guide's
 * component is still exact and the mean converges to the gradient (unbiased).
 */
class LocalGuideTest {

    private final ForwardGraph graph;
    private final double[] params;
    private final double[] grad;
    private final double[] guess;
    private final List<Value> in;
    private final List<double[]> labels;

    LocalGuideTest() {
        MultiLayerNetwork net = new MultiLayerNetwork(Networks.mlp(3, DataType.DOUBLE, new NoOp(), 2, 1,
                new SpikingDense.Builder().timeSteps(6), 5, 4));
        net.init();
        DataSet data = MexicanHatData.train(32, 4, DataType.DOUBLE);
        net.setInput(data.getFeatures());
        net.setLabels(data.getLabels());
        net.computeGradientAndScore();
        grad = NdArrays.toDoubles(net.gradient().gradient());
        params = NdArrays.toDoubles(net.params());
        graph = ForwardGraph.of(net);
        // a guess at cosine ~0.5-0.7 with the gradient: the gradient plus a fixed pattern as large as it
        guess = new double[grad.length];
        double scale = Math.sqrt(dot(grad, grad, 0, grad.length) / grad.length);
        for (int e = 0; e < grad.length; e++) {
            guess[e] = grad[e] + scale * Math.sin(1.7 * e + 0.3);
        }
        in = List.of(Value.constant(32, 2, NdArrays.toDoubles(data.getFeatures()), 6));
        labels = List.of(NdArrays.toDoubles(data.getLabels()));
    }

    private double[] estimate(int k, long iteration) {
        ForwardGradientEstimator estimator = new ForwardGradientEstimator(
                new RfgSettings(Perturbation.LOCAL_GUIDED, k, DirectionDistribution.RADEMACHER, 11));
        return estimator.estimate(graph, params, in, labels, 0, iteration, new LocalGuide(guess, Set.of(0, 1)))
                .gradient();
    }

    private static double dot(double[] a, double[] b, int from, int to) {
        double s = 0;
        for (int e = from; e < to; e++) {
            s += a[e] * b[e];
        }
        return s;
    }

    /** The unit guide of a segment, as long as the parameter vector (zero elsewhere). */
    private double[] unitGuide(ForwardGraph.ParamSegment seg) {
        double[] u = new double[grad.length];
        double len = Math.sqrt(dot(guess, guess, seg.offset(), seg.offset() + seg.length()));
        for (int e = seg.offset(); e < seg.offset() + seg.length(); e++) {
            u[e] = guess[e] / len;
        }
        return u;
    }

    @Test
    void oneDirectionGivesTheProjectionOfTheGradientOntoTheGuideEveryTime() {
        for (long it = 1; it <= 3; it++) {
            double[] g = estimate(1, it);
            for (int s = 0; s < 2; s++) {
                ForwardGraph.ParamSegment seg = graph.segments().get(s);
                int from = seg.offset();
                int to = from + seg.length();
                double[] u = unitGuide(seg);
                double along = dot(grad, u, from, to);
                for (int e = from; e < to; e++) {
                    assertThat(g[e]).isCloseTo(along * u[e], Offset.offset(1e-9 * Math.abs(along)));
                }
                // biased: the estimate misses the gradient by |grad| sin(angle), not 0, and no average helps
                double gradNorm = Math.sqrt(dot(grad, grad, from, to));
                double cosine = along / gradNorm;
                double[] miss = new double[grad.length];
                for (int e = from; e < to; e++) {
                    miss[e] = g[e] - grad[e];
                }
                assertThat(Math.sqrt(dot(miss, miss, from, to))).isCloseTo(gradNorm * Math.sqrt(1 - cosine * cosine),
                        Offset.offset(1e-9 * gradNorm));
                assertThat(Math.abs(cosine)).as("a guide that is not the gradient").isBetween(0.1, 0.99);
            }
        }
    }

    @Test
    void twoDirectionsKeepTheGuidesComponentExactAndAreUnbiased() {
        double[] sum = new double[grad.length];
        double errorAt100 = 0;
        for (int n = 1; n <= 1600; n++) {
            double[] g = estimate(2, n);
            for (int s = 0; s < 2 && n <= 5; s++) {
                ForwardGraph.ParamSegment seg = graph.segments().get(s);
                double[] u = unitGuide(seg);
                double along = dot(grad, u, seg.offset(), seg.offset() + seg.length());
                // the random part is orthogonal to u: along u the estimate is exact
                assertThat(dot(g, u, seg.offset(), seg.offset() + seg.length()))
                        .isCloseTo(along, Offset.offset(1e-9 * Math.abs(along)));
            }
            for (int e = 0; e < g.length; e++) {
                sum[e] += g[e];
            }
            if (n == 100) {
                errorAt100 = relativeError(sum, n, grad);
            }
        }
        double errorAt1600 = relativeError(sum, 1600, grad);
        // 16 times the samples: an unbiased mean's error shrinks about 4-fold
        assertThat(errorAt1600).isLessThan(errorAt100 / 2.5).isLessThan(0.5);
    }
}
