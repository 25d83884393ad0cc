package org.dl4jsnn.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.estimator.ForwardGradientEstimator;
import org.dl4jsnn.estimator.Grouping;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.forward.ForwardGraph;
import org.dl4jsnn.forward.Value;
import org.dl4jsnn.init.FanInUniformBiases;
import org.dl4jsnn.init.InitScheme;
import org.dl4jsnn.layer.NdArrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/** The init, reset-gradient and output-group options of the operator builders. */
class OperatorBuilderOptionsTest {

    private static ComputationGraph init(ComputationGraph g) {
        g.init();
        return g;
    }

    @Test
    void fanInUniformDeepOnetDrawsEveryLayerButTheOutputScale() {
        ComputationGraph g = init(new ComputationGraph(SpikingDeepOnet.builder().init(InitScheme.FAN_IN_UNIFORM)
                .dataType(DataType.DOUBLE).build()));
        // branch spikes, trunk spikes, branch_out, trunk_out; not u (w0 = 1, b0 = 0)
        assertThat(FanInUniformBiases.draw(g)).isEqualTo(4);
        INDArray trunkBias = g.getLayer("trunk_spikes0").getParam("b");
        assertThat(trunkBias.amaxNumber().doubleValue()).as("fan-in 1: U(-1, 1)").isLessThanOrEqualTo(1)
                .isGreaterThan(0.5);
        assertThat(g.getLayer("branch_spikes0").getParam("W").amaxNumber().doubleValue())
                .isLessThanOrEqualTo(0.1).isGreaterThan(0.09);
        assertThat(g.getLayer(SpikingDeepOnet.OUTPUT).getParam("W").getDouble(0)).isEqualTo(1.0);
        assertThat(g.getLayer(SpikingDeepOnet.OUTPUT).getParam("b").getDouble(0)).isZero();
    }

    @Test
    void resetGradientReachesEverySpikingLayer() {
        for (boolean on : new boolean[] {false, true}) {
            ComputationGraph d = init(new ComputationGraph(SpikingDeepOnet.builder().resetDifferentiated(on).build()));
            ComputationGraph s = init(new ComputationGraph(SpikingSepOnet.builder().resetDifferentiated(on).build()));
            for (ComputationGraph g : List.of(d, s)) {
                long spiking = Arrays.stream(g.getLayers())
                        .filter(l -> l.conf().getLayer() instanceof SpikingDense)
                        .peek(l -> assertThat(((SpikingDense) l.conf().getLayer()).isResetDifferentiated()).isEqualTo(on))
                        .count();
                assertThat(spiking).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void productOutputLayersIncludeTheLocalHeads() {
        assertThat(SpikingDeepOnet.builder().productOutputLayers()).containsExactly("u");
        assertThat(SpikingDeepOnet.builder().hidden(4, 4).localLosses(true).productOutputLayers())
                .containsExactly("u", "local0", "local1");
    }

    /** w0 and b0 each alone in a group: v^2 = 1, so every RFG-L estimate of them is the exact gradient. */
    @Test
    void outputScaleAndBiasInGroupsOfTheirOwnAreEstimatedExactly() {
        SpikingDeepOnet builder = SpikingDeepOnet.builder().sensors(7).hidden(6).latent(4).timeSteps(5)
                .updater(new NoOp()).dataType(DataType.DOUBLE);
        ComputationGraph g = init(new ComputationGraph(builder.build()));
        Nd4j.getRandom().setSeed(1);
        INDArray branch = Nd4j.rand(DataType.DOUBLE, 5, 7).muli(3);
        INDArray trunk = Nd4j.rand(DataType.DOUBLE, 5, 1).addi(1);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 5, 1);
        g.setInputs(branch, trunk);
        g.setLabels(y);
        g.computeGradientAndScore();
        double[] grad = NdArrays.toDoubles(g.gradient().gradient());
        double[] params = NdArrays.toDoubles(g.params());
        ForwardGraph graph = ForwardGraph.of(g);
        int w0Index = index(g, "W");
        int b0Index = index(g, "b");
        Grouping apart = Grouping.byLayer().withBiasApart(builder.productOutputLayers().toArray(String[]::new));
        ForwardGradientEstimator estimator = new ForwardGradientEstimator(RfgSettings.layerwise(3).withGrouping(apart));
        int k = estimator.layout(graph).count();
        assertThat(k).isEqualTo(graph.segments().size() + 1);
        List<double[]> labels = List.of(NdArrays.toDoubles(y));
        for (long it = 0; it < 10; it++) {
            List<Value> in = List.of(Value.constant(5, 7, NdArrays.toDoubles(branch), k),
                    Value.constant(5, 1, NdArrays.toDoubles(trunk), k));
            double[] est = estimator.estimate(graph, params, in, labels, 1, it).gradient();
            assertThat(est[w0Index]).isCloseTo(grad[w0Index], Offset.offset(1e-10));
            assertThat(est[b0Index]).isCloseTo(grad[b0Index], Offset.offset(1e-10));
        }
    }

    /** Where the output layer's parameter sits in the flat vector (its views share the buffer). */
    private static int index(ComputationGraph g, String key) {
        INDArray p = g.getLayer(SpikingDeepOnet.OUTPUT).getParam(key);
        double marker = 12345.5;
        double old = p.getDouble(0);
        p.putScalar(0, marker);
        double[] flat = NdArrays.toDoubles(g.params());
        p.putScalar(0, old);
        for (int i = 0; i < flat.length; i++) {
            if (flat[i] == marker) {
                return i;
            }
        }
        throw new AssertionError("parameter " + key + " not found in the flat vector");
    }
}
