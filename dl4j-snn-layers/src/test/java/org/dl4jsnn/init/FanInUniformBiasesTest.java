package org.dl4jsnn.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.conf.TimeAverage;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class FanInUniformBiasesTest {

    /** 400 inputs -> 300 spiking neurons -> average -> 1 readout with weights fixed at 1. */
    private static ComputationGraph net(InitScheme scheme, long seed) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.DOUBLE)
                .weightInit(scheme.weightInit()).graphBuilder().addInputs("x")
                .addLayer("spikes", new SpikingDense.Builder().nOut(300).timeSteps(2).build(), "x")
                .addLayer("rates", new TimeAverage.Builder().build(), "spikes")
                .addLayer("u", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .weightInit(WeightInit.ONES).nOut(1).build(), "rates")
                .setOutputs("u").setInputTypes(InputType.feedForward(400)).build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    @Test
    void weightsAndBiasesAreUniformWithinOneOverRootFanIn() {
        ComputationGraph net = net(InitScheme.FAN_IN_UNIFORM, 5);
        assertThat(FanInUniformBiases.draw(net)).as("the readout with fixed weights keeps its bias").isEqualTo(1);
        double bound = 1 / Math.sqrt(400);
        for (String key : new String[] {"W", "b"}) {
            INDArray p = net.getLayer("spikes").getParam(key);
            assertThat(p.maxNumber().doubleValue()).isLessThanOrEqualTo(bound).isGreaterThan(0.9 * bound);
            assertThat(p.minNumber().doubleValue()).isGreaterThanOrEqualTo(-bound).isLessThan(-0.9 * bound);
            // U(-a, a) has variance a^2 / 3; 300 biases give it to about 8%, 120,000 weights to 0.4%
            double variance = p.mul(p).meanNumber().doubleValue();
            assertThat(variance).isBetween(0.75 * bound * bound / 3, 1.25 * bound * bound / 3);
        }
        assertThat(net.getLayer("u").getParam("b").getDouble(0)).isZero();
        assertThat(net.getLayer("u").getParam("W").getDouble(0)).isEqualTo(1.0);
    }

    @Test
    void drawsDependOnTheSeedOnly() {
        ComputationGraph a = net(InitScheme.FAN_IN_UNIFORM, 5);
        ComputationGraph b = net(InitScheme.FAN_IN_UNIFORM, 5);
        ComputationGraph c = net(InitScheme.FAN_IN_UNIFORM, 6);
        FanInUniformBiases.draw(a);
        FanInUniformBiases.draw(b);
        FanInUniformBiases.draw(c);
        assertThat(a.params()).isEqualTo(b.params());
        assertThat(a.getLayer("spikes").getParam("b")).isNotEqualTo(c.getLayer("spikes").getParam("b"));
    }

    @Test
    void xavierNetworksKeepZeroBiases() {
        ComputationGraph net = net(InitScheme.XAVIER, 5);
        assertThat(FanInUniformBiases.draw(net)).isZero();
        assertThat(net.getLayer("spikes").getParam("b").sumNumber().doubleValue()).isZero();
    }

    @Test
    void namesOnTheCommandLine() {
        assertThat(InitScheme.fromCliName("Fan-In-Uniform")).isEqualTo(InitScheme.FAN_IN_UNIFORM);
        assertThat(InitScheme.XAVIER.cliName()).isEqualTo("xavier");
        assertThatThrownBy(() -> InitScheme.fromCliName("he")).hasMessage(
                "unknown init 'he'; allowed: xavier, fan-in-uniform");
    }
}
