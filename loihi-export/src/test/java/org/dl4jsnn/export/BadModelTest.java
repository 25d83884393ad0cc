package org.dl4jsnn.export;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.conf.TimeAverage;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Models export cannot represent fail early, naming the layer and the field. */
class BadModelTest {

    private static ComputationGraph graph(boolean denseInside, Activation readout, double beta) {
        var g = new NeuralNetConfiguration.Builder().seed(1).graphBuilder().addInputs("in");
        String prev = "in";
        if (denseInside) {
            g.addLayer("tanh", new DenseLayer.Builder().nOut(3).activation(Activation.TANH).build(), prev);
            prev = "tanh";
        }
        g.addLayer("spikes", new SpikingDense.Builder().nOut(4).timeSteps(4).beta(beta).build(), prev)
                .addLayer("rates", new TimeAverage.Builder().build(), "spikes")
                .addLayer("u", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(readout).nOut(1)
                        .build(), "rates");
        ComputationGraph net = new ComputationGraph(g.setOutputs("u").setInputTypes(InputType.feedForward(2)).build());
        net.init();
        return net;
    }

    @Test
    void aLayerWithNoLoihiEquivalentIsNamed() {
        assertThatThrownBy(() -> SpikingMlpExtractor.extract(graph(true, Activation.IDENTITY, 1.0)))
                .isInstanceOf(UnsupportedModelException.class)
                .hasMessageContaining("layer 'tanh'").hasMessageContaining("DenseLayer")
                .hasMessageContaining("no Loihi equivalent");
    }

    @Test
    void aNonLinearReadoutIsNamedWithItsField() {
        assertThatThrownBy(() -> SpikingMlpExtractor.extract(graph(false, Activation.SIGMOID, 1.0)))
                .isInstanceOf(UnsupportedModelException.class)
                .hasMessageContaining("layer 'u'").hasMessageContaining("activation");
    }

    @Test
    void aLeakyNeuronIsNamedWithItsField() {
        assertThatThrownBy(() -> SpikingMlpExtractor.extract(graph(false, Activation.IDENTITY, 0.9)))
                .isInstanceOf(UnsupportedModelException.class)
                .hasMessageContaining("layer 'spikes'").hasMessageContaining("beta");
    }
}
