package org.dl4jsnn.estimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dl4jsnn.estimator.UnbiasednessTest.relativeError;

import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.forward.CurrentTangentSource;
import org.dl4jsnn.forward.ForwardGraph;
import org.dl4jsnn.forward.ForwardSweep;
import org.dl4jsnn.forward.Value;
import org.dl4jsnn.layer.NdArrays;
import org.dl4jsnn.parallel.BatchThreads;
import org.dl4jsnn.testing.MexicanHatData;
import org.dl4jsnn.testing.Networks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * Activity perturbation (RFG-A) against back-propagation on small spiking MLPs: the current tangent's
 * identity, the estimate's unbiasedness, and its variance against weight perturbation (RFG-L).
 */
class ActivityPerturbationTest {

    /** A network, its minibatch and the back-propagated gradient of the minibatch-summed loss. */
    private record Case(ForwardGraph graph, double[] params, double[] grad, DataSet data) {

        static Case of(DataSet data, int... widths) {
            MultiLayerNetwork net = new MultiLayerNetwork(Networks.mlp(3, DataType.DOUBLE, new NoOp(), 2, 1,
                    new SpikingDense.Builder().timeSteps(6), widths));
            net.init();
            net.setInput(data.getFeatures());
            net.setLabels(data.getLabels());
            net.computeGradientAndScore();
            return new Case(ForwardGraph.of(net), NdArrays.toDoubles(net.params()),
                    NdArrays.toDoubles(net.gradient().gradient()), data);
        }

        double[] estimate(RfgSettings settings, long iteration, BatchThreads threads) {
            ForwardGradientEstimator estimator = new ForwardGradientEstimator(settings, threads);
            int rows = (int) data.getFeatures().size(0);
            List<Value> in = List.of(Value.constant(rows, 2, NdArrays.toDoubles(data.getFeatures()),
                    estimator.layout(graph).count()));
            return estimator.estimate(graph, params, in, List.of(NdArrays.toDoubles(data.getLabels())), 0,
                    iteration).gradient();
        }

        double[] estimate(RfgSettings settings, long iteration) {
            return estimate(settings, iteration, BatchThreads.single());
        }
    }

    /** One row perturbing the current of segment {@code segment} by u_j (the same at every step). */
    private record ConstantCurrent(int segment, double[] u, int example) implements CurrentTangentSource {

        @Override
        public boolean perturbsCurrent(int row) {
            return true;
        }

        @Override
        public int segmentOf(int row) {
            return segment;
        }

        @Override
        public void fill(int row, int t, int first, int batch, int nOut, double[] into) {
            Arrays.fill(into, 0);
            for (int j = 0; j < nOut; j++) {
                for (int b = 0; b < batch; b++) {
                    if (example < 0 || first + b == example) {
                        into[j * batch + b] = u[j];
                    }
                }
            }
        }
    }

    /**
     * With u constant over the steps, the current tangent's Ldot is sum_t dL/dI_t . u = dL/db . u (I_t = W s_t
     * + b): the back-propagated bias gradient of that one example, to rounding.
     */
    @Test
    void aCurrentTangentMeasuresTheBackpropagatedCurrentGradient() {
        DataSet all = MexicanHatData.train(8, 4, DataType.DOUBLE);
        Case batch = Case.of(all, 5, 4);
        for (int example : new int[] {0, 5}) {
            Case one = Case.of(all.get(example), 5, 4);
            for (int segment = 0; segment < 2; segment++) {
                ForwardGraph.ParamSegment seg = batch.graph().segments().get(segment);
                int nOut = seg.offset() + seg.length() - seg.biasOffset();
                double[] u = new double[nOut];
                double expected = 0;
                for (int j = 0; j < nOut; j++) {
                    u[j] = (j % 2 == 0 ? 1 : -1) * (0.5 + j);
                    expected += u[j] * one.grad()[seg.biasOffset() + j];
                }
                double[][] zero = new double[1][batch.params().length];
                ForwardSweep.Result r = ForwardSweep.run(batch.graph(), batch.params(), zero, new int[] {segment},
                        List.of(Value.constant(8, 2, NdArrays.toDoubles(all.getFeatures()), 1)),
                        List.of(NdArrays.toDoubles(all.getLabels())), 0, 0, BatchThreads.single(),
                        new ConstantCurrent(segment, u, example));
                assertThat(Math.abs(expected)).as("a test that can fail").isGreaterThan(1e-6);
                // u on one example of eight: the summed and that example's own tangent are its dL/dI . u
                assertThat(r.lossTangents()[0]).isCloseTo(expected, Offset.offset(
                        1e-9 * Math.abs(expected)));
                assertThat(r.rowLossTangents()[0][example]).isCloseTo(expected,
                        Offset.offset(1e-9 * Math.abs(expected)));
                for (int b = 0; b < 8; b++) {
                    if (b != example) {
                        assertThat(r.rowLossTangents()[0][b]).isZero();
                    }
                }
            }
        }
    }

    /** With AFFINE_OUTPUTS the first layer (driven by the static input) gets one u for all steps. */
    @org.junit.jupiter.params.ParameterizedTest
    @EnumSource(ActivityLayers.class)
    void activityEstimatesAreUnbiasedWithGaussianCurrents(ActivityLayers layers) {
        Case c = Case.of(MexicanHatData.train(32, 4, DataType.DOUBLE), 5, 4);
        RfgSettings settings = RfgSettings.activity(17).withDistribution(DirectionDistribution.GAUSSIAN)
                .withActivityLayers(layers);
        double[] sum = new double[c.params().length];
        double errorAt100 = 0;
        for (int n = 1; n <= 1600; n++) {
            double[] g = c.estimate(settings, n);
            for (int e = 0; e < g.length; e++) {
                sum[e] += g[e];
            }
            if (n == 100) {
                errorAt100 = relativeError(sum, n, c.grad());
            }
        }
        // 16 times the samples: the error of an unbiased mean shrinks about 4-fold
        assertThat(relativeError(sum, 1600, c.grad())).isLessThan(errorAt100 / 2.5).isLessThan(0.25);
    }

    /**
     * On a layer of fan-in 64 (256 weights, 4 neurons), weight perturbation's noise grows with the 260
     * parameters of the group, activity perturbation's with the 4 neurons x 6 steps per example.
     */
    @Test
    void activityPerturbationIsLessNoisyThanWeightPerturbationOnALargeFanIn() {
        Case c = Case.of(MexicanHatData.train(32, 4, DataType.DOUBLE), 64, 4);
        ForwardGraph.ParamSegment wide = c.graph().segments().get(1);
        double activity = 0;
        double weights = 0;
        for (int it = 1; it <= 100; it++) {
            activity += squaredError(c.estimate(RfgSettings.activity(5), it), c.grad(), wide);
            weights += squaredError(c.estimate(RfgSettings.layerwise(5), it), c.grad(), wide);
        }
        double gradNorm = squaredError(new double[c.grad().length], c.grad(), wide);
        assertThat(gradNorm).isGreaterThan(0);
        // measured: 2.0 |grad|^2 per estimate against 272 (Rademacher theory for weights: n - 1 = 259)
        assertThat(activity).isLessThan(0.05 * weights);
    }

    private static double squaredError(double[] g, double[] grad, ForwardGraph.ParamSegment seg) {
        double s = 0;
        for (int e = seg.offset(); e < seg.offset() + seg.length(); e++) {
            s += (g[e] - grad[e]) * (g[e] - grad[e]);
        }
        return s;
    }

    @Test
    void currentsDependOnlyOnSeedAndIterationNotOnTheBatchChunks() {
        Case c = Case.of(MexicanHatData.train(1100, 4, DataType.DOUBLE), 3, 2);
        RfgSettings settings = RfgSettings.activity(21).withDirections(2);
        assertThat(c.estimate(settings, 4, BatchThreads.of(2))).containsExactly(c.estimate(settings, 4));
        assertThat(c.estimate(settings, 5)).isNotEqualTo(c.estimate(settings, 4));
    }

    /**
     * With the dense layers perturbed by their pre-activation too, a readout of one output is estimated
     * exactly by every single draw: Ldot_b = dL/dz_b u_b and u_b^2 = 1 (Rademacher), so sum_b Ldot_b u_b x_b
     * is BP's sum_b dL/dz_b x_b; the spiking layers keep their (noisy) current estimates.
     */
    @Test
    void aOneOutputReadoutPerturbedByItsPreActivationIsEstimatedExactly() {
        Case c = Case.of(MexicanHatData.train(32, 4, DataType.DOUBLE), 5, 4);
        List<ForwardGraph.ParamSegment> segments = c.graph().segments();
        ForwardGraph.ParamSegment readout = segments.get(segments.size() - 1);
        ForwardGraph.ParamSegment hidden = segments.get(1);
        RfgSettings settings = RfgSettings.activity(9).withActivityLayers(ActivityLayers.SPIKING_AND_DENSE);
        double gradNorm = Math.sqrt(squaredError(new double[c.grad().length], c.grad(), readout));
        assertThat(gradNorm).as("a test that can fail").isGreaterThan(1e-6);
        for (int it = 1; it <= 5; it++) {
            double[] g = c.estimate(settings, it);
            assertThat(Math.sqrt(squaredError(g, c.grad(), readout))).isLessThan(1e-9 * gradNorm);
            // the weight-perturbed readout of plain RFG-A is not exact, nor is a spiking layer's estimate
            assertThat(Math.sqrt(squaredError(c.estimate(RfgSettings.activity(9), it), c.grad(), readout)))
                    .isGreaterThan(1e-3 * gradNorm);
            assertThat(squaredError(g, c.grad(), hidden)).isGreaterThan(0);
        }
    }

    @Test
    void denseActivityLayersNeedActivityPerturbation() {
        assertThatThrownBy(() -> RfgSettings.layerwise(1).withActivityLayers(ActivityLayers.SPIKING_AND_DENSE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("activityLayers")
                .hasMessageContaining("LAYERWISE");
    }

    @Test
    void orthogonalCurrentsAreRefused() {
        assertThatThrownBy(() -> RfgSettings.activity(1).withDistribution(DirectionDistribution.ORTHOGONAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rademacher or gaussian");
    }
}
