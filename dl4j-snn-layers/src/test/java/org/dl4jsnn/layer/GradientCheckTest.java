package org.dl4jsnn.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.neuron.ResetMode;
import org.dl4jsnn.surrogate.Surrogate;
import org.dl4jsnn.testing.FiniteDifferences;
import org.dl4jsnn.testing.Networks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * With soft spikes Phi((U - theta)/s) the Gaussian surrogate is the true derivative, so back-propagation
 * through time must equal central finite differences of the score for every parameter.
 */
class GradientCheckTest {

    private static final int BATCH = 4;
    private static final double TOLERANCE = 1e-6;

    static Stream<Arguments> neurons() {
        return Stream.of(
                Arguments.of(1.0, ResetMode.SUBTRACT),
                Arguments.of(1.0, ResetMode.ZERO),
                Arguments.of(0.8, ResetMode.SUBTRACT),
                Arguments.of(0.8, ResetMode.ZERO));
    }

    private static SpikingDense.Builder soft(double beta, ResetMode reset) {
        return new SpikingDense.Builder().timeSteps(6).beta(beta).resetMode(reset).resetDifferentiated(true)
                .surrogate(Surrogate.gaussian(0.5)).softSpikes(true).threshold(0.7);
    }

    private static DataSet data() {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, 3).muli(4).subi(2);
        INDArray y = Nd4j.rand(DataType.DOUBLE, BATCH, 2);
        return new DataSet(x, y);
    }

    @ParameterizedTest(name = "MultiLayerNetwork beta={0} reset={1}")
    @MethodSource("neurons")
    void backpropMatchesFiniteDifferencesInAMultiLayerNetwork(double beta, ResetMode reset) {
        MultiLayerNetwork net = new MultiLayerNetwork(Networks.mlp(11, DataType.DOUBLE, new NoOp(), 3, 2,
                soft(beta, reset), 5, 4));
        net.init();
        DataSet ds = data();
        net.setInput(ds.getFeatures());
        net.setLabels(ds.getLabels());
        net.computeGradientAndScore();
        // DL4J's gradient is of the summed loss; the score is its mean over the minibatch
        INDArray analytic = net.gradient().gradient().dup().divi(BATCH);
        double error = FiniteDifferences.maxRelativeError(net.params(), analytic, () -> net.score(ds), 1e-6, 1e-9);
        assertThat(error).isLessThan(TOLERANCE);
    }

    @ParameterizedTest(name = "ComputationGraph beta={0} reset={1}")
    @MethodSource("neurons")
    void backpropMatchesFiniteDifferencesInAComputationGraph(double beta, ResetMode reset) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(12).dataType(DataType.DOUBLE).updater(new NoOp()).weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("x")
                .addLayer("s1", soft(beta, reset).nOut(5).build(), "x")
                .addLayer("s2", soft(beta, reset).nOut(4).build(), "s1")
                .addLayer("rate", new TimeAverage.Builder().build(), "s2")
                .addLayer("y", new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).nOut(2).build(), "rate")
                .setOutputs("y")
                .setInputTypes(InputType.feedForward(3))
                .build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        DataSet ds = data();
        net.setInputs(ds.getFeatures());
        net.setLabels(ds.getLabels());
        net.computeGradientAndScore();
        INDArray analytic = net.gradient().gradient().dup().divi(BATCH);
        double error = FiniteDifferences.maxRelativeError(net.params(), analytic, () -> net.score(ds), 1e-6, 1e-9);
        assertThat(error).isLessThan(TOLERANCE);
    }
}
