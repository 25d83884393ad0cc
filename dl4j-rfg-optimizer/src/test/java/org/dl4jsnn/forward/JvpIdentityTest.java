package org.dl4jsnn.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.estimator.DirectionDistribution;
import org.dl4jsnn.estimator.ForwardGradientEstimator;
import org.dl4jsnn.estimator.Perturbation;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.layer.NdArrays;
import org.dl4jsnn.neuron.ResetMode;
import org.dl4jsnn.surrogate.Surrogate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The central identity of docs/design.md section 3: the forward sweep's Ldot equals the back-propagated gradient
 * dotted with v, to rounding, for every neuron variant, surrogate, perturbation and network kind.
 */
class JvpIdentityTest {

    private static final int BATCH = 6;
    private static final int STEPS = 7;

    static Stream<Arguments> variants() {
        List<Arguments> all = new ArrayList<>();
        for (Surrogate s : new Surrogate[] {Surrogate.gaussian(0.5), Surrogate.stein(0.5, 8)}) {
            for (double beta : new double[] {1.0, 0.85}) {
                for (ResetMode reset : ResetMode.values()) {
                    for (boolean differentiated : new boolean[] {true, false}) {
                        // parameter directions only: activity perturbation's current tangents have their
                        // own identity test (ActivityPerturbationTest)
                        for (Perturbation p : new Perturbation[] {Perturbation.GLOBAL, Perturbation.LAYERWISE}) {
                            all.add(Arguments.of(s, beta, reset, differentiated, p));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    private static SpikingDense.Builder spiking(Surrogate s, double beta, ResetMode reset, boolean differentiated) {
        return new SpikingDense.Builder().timeSteps(STEPS).threshold(0.6).beta(beta).resetMode(reset)
                .resetDifferentiated(differentiated).surrogate(s);
    }

    private static MultiLayerNetwork mln(DataType type, SpikingDense.Builder b) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(21).dataType(type).updater(new NoOp()).weightInit(WeightInit.XAVIER)
                .list()
                .layer(b.nOut(5).build())
                .layer(b.nOut(4).build())
                .layer(new TimeAverage.Builder().build())
                .layer(new DenseLayer.Builder().nOut(3).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nOut(3).activation(Activation.SIGMOID).build())
                .layer(new DenseLayer.Builder().nOut(3).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(2).build())
                .setInputType(InputType.feedForward(3))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** Two outputs (the second a local-loss head on the first spiking layer): their losses add. */
    private static ComputationGraph graph(DataType type, SpikingDense.Builder b) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(22).dataType(type).updater(new NoOp()).weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("x")
                .addLayer("s1", b.nOut(5).build(), "x")
                .addLayer("s2", b.nOut(4).build(), "s1")
                .addLayer("rate2", new TimeAverage.Builder().build(), "s2")
                .addLayer("rate1", new TimeAverage.Builder().build(), "s1")
                .addLayer("hidden", new DenseLayer.Builder().nOut(3).activation(Activation.TANH).build(), "rate2")
                .addLayer("y", new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).nOut(2).build(), "hidden")
                .addLayer("local1", new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).nOut(2).build(), "rate1")
                .setOutputs("y", "local1")
                .setInputTypes(InputType.feedForward(3))
                .build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    private static INDArray features(DataType type) {
        Nd4j.getRandom().setSeed(8);
        return Nd4j.rand(DataType.DOUBLE, BATCH, 3).muli(3).subi(1).castTo(type);
    }

    private static INDArray labels(DataType type) {
        return Nd4j.rand(DataType.DOUBLE, BATCH, 2).castTo(type);
    }

    /** max_k |Ldot_k - grad.v_k| / max(|grad.v_k|, floor) */
    private static double worstError(ForwardGraph graph, double[] params, double[] grad, List<Value> in,
                                     List<double[]> labels, long seed, Perturbation p) {
        RfgSettings settings = new RfgSettings(p, 3, DirectionDistribution.GAUSSIAN, 5);
        ForwardGradientEstimator.Directions dirs = new ForwardGradientEstimator(settings)
                .directions(graph, params.length, 0);
        ForwardSweep.Result r = ForwardSweep.run(graph, params, dirs.vectors(), dirs.segment(), in, labels, seed, 0);
        double worst = 0;
        double scale = 0;
        for (int k = 0; k < dirs.vectors().length; k++) {
            double exact = 0;
            for (int e = 0; e < params.length; e++) {
                exact += grad[e] * dirs.vectors()[k][e];
            }
            scale = Math.max(scale, Math.abs(exact));
            worst = Math.max(worst, Math.abs(r.lossTangents()[k] - exact) / Math.max(Math.abs(exact), 1e-12));
        }
        assertThat(scale).as("the gradient must not vanish, or the test proves nothing").isGreaterThan(1e-6);
        return worst;
    }

    @ParameterizedTest(name = "MLN {0} beta={1} {2} differentiated={3} {4}")
    @MethodSource("variants")
    void multiLayerNetworkInDouble(Surrogate s, double beta, ResetMode reset, boolean differentiated, Perturbation p) {
        MultiLayerNetwork net = mln(DataType.DOUBLE, spiking(s, beta, reset, differentiated));
        assertThat(identityError(net, DataType.DOUBLE, p)).isLessThan(1e-9);
    }

    @ParameterizedTest(name = "CG {0} beta={1} {2} differentiated={3} {4}")
    @MethodSource("variants")
    void computationGraphInDouble(Surrogate s, double beta, ResetMode reset, boolean differentiated, Perturbation p) {
        ComputationGraph net = graph(DataType.DOUBLE, spiking(s, beta, reset, differentiated));
        INDArray x = features(DataType.DOUBLE);
        INDArray y = labels(DataType.DOUBLE);
        net.setInputs(x);
        net.setLabels(y, y);
        net.computeGradientAndScore();
        double[] grad = NdArrays.toDoubles(net.gradient().gradient());
        ForwardGraph graph = ForwardGraph.of(net);
        List<Value> in = List.of(Value.constant(BATCH, 3, NdArrays.toDoubles(x), 3 * (p == Perturbation.GLOBAL
                ? 1 : graph.segments().size())));
        double[] lab = NdArrays.toDoubles(y);
        double err = worstError(graph, NdArrays.toDoubles(net.params()), grad, in, List.of(lab, lab),
                net.getConfiguration().getDefaultConfiguration().getSeed(), p);
        assertThat(err).isLessThan(1e-9);
    }

    @ParameterizedTest(name = "MLN float {4}")
    @MethodSource("variants")
    void multiLayerNetworkInFloat(Surrogate s, double beta, ResetMode reset, boolean differentiated, Perturbation p) {
        MultiLayerNetwork net = mln(DataType.FLOAT, spiking(s, beta, reset, differentiated));
        assertThat(identityError(net, DataType.FLOAT, p)).isLessThan(1e-5);
    }

    private static double identityError(MultiLayerNetwork net, DataType type, Perturbation p) {
        INDArray x = features(type);
        INDArray y = labels(type);
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        double[] grad = NdArrays.toDoubles(net.gradient().gradient());
        ForwardGraph graph = ForwardGraph.of(net);
        int k = 3 * (p == Perturbation.GLOBAL ? 1 : graph.segments().size());
        List<Value> in = List.of(Value.constant(BATCH, 3, NdArrays.toDoubles(x), k));
        return worstError(graph, NdArrays.toDoubles(net.params()), grad, in, List.of(NdArrays.toDoubles(y)),
                net.getLayerWiseConfigurations().getConf(0).getSeed(), p);
    }
}
