package org.dl4jsnn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.data.Offset;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.estimator.LocalHeads;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.forward.ForwardGraph;
import org.dl4jsnn.layer.NdArrays;
import org.dl4jsnn.testing.MexicanHatData;
import org.dl4jsnn.testing.Networks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Local-loss-guided directions (RFG-LG, docs/design.md section 3) on a double network of two spiking layers,
 * each with a local head, against back-propagation: the estimate of a guided layer is the projection of the
 * true gradient onto its normalized local gradient, computed here independently on a network holding only
 * that layer's path to its head.
 */
class LocalGuidedDirectionsTest {

    private static final String[] GUIDED = {"s0", "s1", "local0", "local1"};

    /** x -> s0 -> s1 -> out, with heads local0 on s0's rates and local1 on s1's. */
    private static ComputationGraphConfiguration.GraphBuilder base() {
        return new NeuralNetConfiguration.Builder().seed(11).dataType(DataType.DOUBLE).updater(new NoOp())
                .weightInit(WeightInit.XAVIER).graphBuilder().addInputs("x")
                .addLayer("s0", new SpikingDense.Builder().timeSteps(6).nOut(5).build(), "x");
    }

    private static ComputationGraphConfiguration.GraphBuilder withR0(ComputationGraphConfiguration.GraphBuilder g) {
        return g.addLayer("r0", new TimeAverage.Builder().build(), "s0");
    }

    private static OutputLayer head() {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).nOut(1).build();
    }

    private static ComputationGraphConfiguration.GraphBuilder withS1(ComputationGraphConfiguration.GraphBuilder g) {
        return g.addLayer("s1", new SpikingDense.Builder().timeSteps(6).nOut(4).build(), "s0")
                .addLayer("r1", new TimeAverage.Builder().build(), "s1");
    }

    private static ComputationGraphConfiguration full() {
        return withS1(withR0(base())).addLayer("out", head(), "r1").addLayer("local0", head(), "r0")
                .addLayer("local1", head(), "r1").setOutputs("out", "local0", "local1")
                .setInputTypes(InputType.feedForward(2)).build();
    }

    /** Only s0 and its head: the loss is L_0 alone. */
    private static ComputationGraphConfiguration headZero() {
        return withR0(base()).addLayer("local0", head(), "r0").setOutputs("local0").setInputTypes(InputType.feedForward(2))
                .build();
    }

    /** s0, s1 and s1's head: the loss is L_1 alone. */
    private static ComputationGraphConfiguration headOne() {
        return withS1(base()).addLayer("local1", head(), "r1").setOutputs("local1")
                .setInputTypes(InputType.feedForward(2)).build();
    }

    private static final DataSet DATA = MexicanHatData.train(16, 4, DataType.DOUBLE);

    /** The back-propagated gradient of {@code conf}'s summed loss, with {@code params}'s values by layer name. */
    private static Gradient backprop(ComputationGraphConfiguration conf, ComputationGraph params) {
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        for (Layer layer : net.getLayers()) {
            if (layer.numParams() > 0) {
                layer.setParams(params.getLayer(layer.conf().getLayer().getLayerName()).params().dup());
            }
        }
        net.setInputs(DATA.getFeatures());
        INDArray[] labels = new INDArray[conf.getNetworkOutputs().size()];
        Arrays.fill(labels, DATA.getLabels());
        net.setLabels(labels);
        net.computeGradientAndScore();
        return net.gradient();
    }

    /** A layer's weights then biases, flattened. */
    private static double[] layer(Gradient g, String name) {
        double[] w = NdArrays.toDoubles(g.getGradientFor(name + "_W"));
        double[] b = NdArrays.toDoubles(g.getGradientFor(name + "_b"));
        double[] out = Arrays.copyOf(w, w.length + b.length);
        System.arraycopy(b, 0, out, w.length, b.length);
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    @Test
    void aGuidedLayersEstimateIsTheTrueGradientProjectedOntoItsLocalGradient() {
        RfgComputationGraph rfg = new RfgComputationGraph(full(), RfgSettings.localGuided(7));
        rfg.init();
        rfg.setInputs(DATA.getFeatures());
        rfg.setLabels(DATA.getLabels(), DATA.getLabels(), DATA.getLabels());
        rfg.computeGradientAndScore();
        Gradient estimate = rfg.gradient();
        Gradient truth = backprop(full(), rfg);
        Gradient zero = backprop(headZero(), rfg);
        Gradient one = backprop(headOne(), rfg);
        for (String name : GUIDED) {
            double[] local = layer(name.endsWith("0") ? zero : one, name);
            double[] grad = layer(truth, name);
            double[] est = layer(estimate, name);
            double[] u = local.clone();
            double len = norm(local);
            assertThat(len).as("a local gradient that can fail the test, " + name).isGreaterThan(1e-8);
            for (int i = 0; i < u.length; i++) {
                u[i] /= len;
            }
            double along = dot(grad, u);
            double scale = Math.abs(along) + 1e-300;
            for (int i = 0; i < est.length; i++) {
                assertThat(est[i]).as(name + "[" + i + "]").isCloseTo(along * u[i],
                        Offset.offset(1e-9 * scale));
            }
            // the cosine the construction implies: |cos(u, grad)|, 1 only where the guide is the gradient
            double cosine = dot(est, grad) / (norm(est) * norm(grad));
            assertThat(cosine).as(name).isCloseTo(Math.abs(along) / norm(grad),
                    Offset.offset(1e-9));
            if (name.startsWith("local")) {
                // a head's parameters reach only its own loss: its local gradient is the true gradient
                assertThat(cosine).as(name).isCloseTo(1.0, Offset.offset(1e-9));
            } else {
                // the task loss (and for s0 the deeper head) also reaches a spiking layer: biased
                assertThat(cosine).as(name).isLessThan(1 - 1e-6).isGreaterThan(0);
            }
        }
        // the output layer has no local head: a Rademacher direction, so every entry is +-(grad . v)
        double[] out = layer(estimate, "out");
        for (double e : out) {
            assertThat(Math.abs(e)).isCloseTo(Math.abs(out[0]), Offset.offset(1e-12));
        }
    }

    @Test
    void aHeadGuidesItsOwnLayersAndTheSpikingLayerItReadsButNothingBelow() {
        RfgComputationGraph rfg = new RfgComputationGraph(full(), RfgSettings.layerwise(1));
        rfg.init();
        ForwardGraph graph = ForwardGraph.of(rfg);
        List<String> names = new ArrayList<>();
        for (ForwardGraph.ParamSegment seg : graph.segments()) {
            for (ForwardGraph.Node n : graph.nodes()) {
                if (n instanceof ForwardGraph.SpikingNode s && s.segment() == seg
                        || n instanceof ForwardGraph.DenseNode d && d.segment() == seg) {
                    names.add(n.name());
                }
            }
        }
        List<LocalHeads> heads = LocalHeads.of(graph);
        assertThat(heads).extracting(LocalHeads::output).containsExactly(1, 2);
        assertThat(namesOf(heads.get(0), names)).containsExactlyInAnyOrder("local0", "s0");
        assertThat(namesOf(heads.get(1), names)).containsExactlyInAnyOrder("local1", "s1");
    }

    private static Set<String> namesOf(LocalHeads head, List<String> names) {
        Set<String> out = new TreeSet<>();
        for (int s : head.segments()) {
            out.add(names.get(s));
        }
        return out;
    }

    @Test
    void aNetworkWithoutLocalHeadsIsRefused() {
        assertThatThrownBy(() -> new RfgComputationGraph(headZero(), RfgSettings.localGuided(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need local heads");
        assertThatThrownBy(() -> new RfgMultiLayerNetwork(Networks.mlp(1, DataType.DOUBLE, new NoOp(), 2, 1,
                new SpikingDense.Builder().timeSteps(4), 3), RfgSettings.localGuided(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need local heads");
        assertThatThrownBy(() -> RfgSettings.localGuided(1).withDirections(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("directions K must be 1 or 2");
    }
}
