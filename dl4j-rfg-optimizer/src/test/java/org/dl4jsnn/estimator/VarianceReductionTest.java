package org.dl4jsnn.estimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dl4jsnn.estimator.UnbiasednessTest.relativeError;

import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.forward.ForwardGraph;
import org.dl4jsnn.forward.Value;
import org.dl4jsnn.layer.NdArrays;
import org.dl4jsnn.testing.MexicanHatData;
import org.dl4jsnn.testing.Networks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * Orthogonal directions and finer layer-wise groups, proved against back-propagation on a 2-5-4-1
 * spiking MLP (layer0: 10 weights + 5 biases, layer1: 20 + 4, readout layer3: 4 + 1; 44 in all).
 */
class VarianceReductionTest {

    private static ForwardGraph graph;
    private static double[] params;
    private static double[] grad;
    private static List<double[]> labels;
    private static DataSet data;

    @BeforeAll
    static void network() {
        MultiLayerNetwork net = new MultiLayerNetwork(Networks.mlp(3, DataType.DOUBLE, new NoOp(), 2, 1,
                new SpikingDense.Builder().timeSteps(6), 5, 4));
        net.init();
        data = MexicanHatData.train(32, 4, DataType.DOUBLE);
        net.setInput(data.getFeatures());
        net.setLabels(data.getLabels());
        net.computeGradientAndScore();
        grad = NdArrays.toDoubles(net.gradient().gradient());
        params = NdArrays.toDoubles(net.params());
        graph = ForwardGraph.of(net);
        labels = List.of(NdArrays.toDoubles(data.getLabels()));
    }

    private static double[] estimate(RfgSettings settings, long iteration) {
        ForwardGradientEstimator estimator = new ForwardGradientEstimator(settings);
        List<Value> in = List.of(Value.constant(32, 2, NdArrays.toDoubles(data.getFeatures()),
                estimator.layout(graph).count()));
        return estimator.estimate(graph, params, in, labels, 0, iteration).gradient();
    }

    @Test
    void groupsByLayerAreTheSegments() {
        List<ParameterGroup> groups = Grouping.byLayer().groups(graph);
        assertThat(groups).hasSize(3);
        assertThat(groups).extracting(ParameterGroup::size).containsExactly(15, 24, 5);
    }

    @Test
    void neuronGroupsHoldEachNeuronsWeightRowAndBias() {
        List<ParameterGroup> groups = Grouping.byLayer().withNeuronsPerGroup(2).groups(graph);
        // layer0: neurons {0,1}, {2,3}, {4}; layer1: {0,1}, {2,3}; readout: {0}
        assertThat(groups).extracting(ParameterGroup::size).containsExactly(6, 6, 3, 12, 12, 5);
        int w0 = graph.segments().get(0).weightOffset();
        int b0 = graph.segments().get(0).biasOffset();
        assertThat(groups.get(1).indices()).containsExactly(w0 + 4, w0 + 5, w0 + 6, w0 + 7, b0 + 2, b0 + 3);
        int covered = groups.stream().mapToInt(ParameterGroup::size).sum();
        assertThat(covered).isEqualTo(params.length);
        assertThat(new ForwardGradientEstimator(new RfgSettings(Perturbation.LAYERWISE, 3,
                DirectionDistribution.RADEMACHER, 1, Grouping.byLayer().withNeuronsPerGroup(2))).layout(graph).count())
                .isEqualTo(18);
    }

    @Test
    void aBiasOfOneInItsOwnGroupIsEstimatedExactly() {
        Grouping apart = Grouping.byLayer().withBiasApart("layer3");
        assertThat(apart.groups(graph)).extracting(ParameterGroup::size).containsExactly(15, 24, 4, 1);
        int bias = graph.segments().get(2).biasOffset();
        for (long it = 1; it <= 20; it++) {
            double[] g = estimate(new RfgSettings(Perturbation.LAYERWISE, 1, DirectionDistribution.RADEMACHER, 5,
                    apart), it);
            // v = +-1 alone in its group: (dL/db v) v = dL/db, every time
            assertThat(g[bias]).isCloseTo(grad[bias], Offset.offset(1e-9 * Math.abs(grad[bias])));
        }
        double[] joint = estimate(RfgSettings.layerwise(5), 1);
        assertThat(Math.abs(joint[bias] - grad[bias])).as("sharing a group with the weights adds noise")
                .isGreaterThan(1e-6 * Math.abs(grad[bias]));
    }

    @Test
    void orthogonalDirectionsAreOrthogonalOnTheSphere() {
        ParameterGroup group = ParameterGroup.range(-1, 3, 10);
        double[][] v = new double[4][20];
        DirectionSampler.fill(DirectionDistribution.ORTHOGONAL, v, 0, 4, group, new SplittableRandom(9));
        for (int a = 0; a < 4; a++) {
            assertThat(v[a][0]).isZero();
            assertThat(v[a][13]).isZero();
            for (int b = 0; b < 4; b++) {
                double dot = 0;
                for (int e = 0; e < 20; e++) {
                    dot += v[a][e] * v[b][e];
                }
                assertThat(dot).isCloseTo(a == b ? 10.0 : 0.0, Offset.offset(1e-12));
            }
        }
    }

    @Test
    void asManyOrthogonalDirectionsAsParametersGiveTheExactGradient() {
        double[] g = estimate(new RfgSettings(Perturbation.GLOBAL, params.length, DirectionDistribution.ORTHOGONAL,
                7), 1);
        assertThat(relativeError(g, 1, grad)).isLessThan(1e-9);
    }

    @Test
    void orthogonalDirectionsAreUnbiased() {
        RfgSettings settings = new RfgSettings(Perturbation.LAYERWISE, 2, DirectionDistribution.ORTHOGONAL, 11);
        double[] sum = new double[params.length];
        double errorAt100 = 0;
        for (int n = 1; n <= 1600; n++) {
            double[] g = estimate(settings, n);
            for (int e = 0; e < g.length; e++) {
                sum[e] += g[e];
            }
            if (n == 100) {
                errorAt100 = relativeError(sum, n, grad);
            }
        }
        double errorAt1600 = relativeError(sum, 1600, grad);
        assertThat(errorAt1600).isLessThan(errorAt100 / 2.5).isLessThan(0.5);
    }

    @Test
    void neuronGroupsAreUnbiasedAndLessNoisyThanLayers() {
        RfgSettings layers = RfgSettings.layerwise(13);
        RfgSettings neurons = layers.withGrouping(Grouping.byLayer().withNeuronsPerGroup(1));
        double[] sum = new double[params.length];
        double squaredErrorLayers = 0;
        double squaredErrorNeurons = 0;
        int n = 800;
        for (int it = 1; it <= n; it++) {
            double[] g = estimate(neurons, it);
            double[] h = estimate(layers, it);
            for (int e = 0; e < g.length; e++) {
                sum[e] += g[e];
                squaredErrorNeurons += (g[e] - grad[e]) * (g[e] - grad[e]);
                squaredErrorLayers += (h[e] - grad[e]) * (h[e] - grad[e]);
            }
        }
        assertThat(relativeError(sum, n, grad)).isLessThan(0.25);
        // E|g_group - grad_group|^2 = (n_group - 1) |grad_group|^2 for Rademacher: smaller groups, less noise
        assertThat(squaredErrorNeurons).isLessThan(0.6 * squaredErrorLayers);
    }
}
