package org.dl4jsnn.conf;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.testing.Networks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/** Every invalid setting or input fails early, naming the parameter and what it allows. */
class ValidationTest {

    @Test
    void builderRejectsInvalidSettings() {
        assertThatThrownBy(() -> new SpikingDense.Builder().nIn(0)).hasMessageContaining("nIn must be >= 1");
        assertThatThrownBy(() -> new SpikingDense.Builder().nOut(-3)).hasMessageContaining("nOut must be >= 1");
        assertThatThrownBy(() -> new SpikingDense.Builder().timeSteps(0)).hasMessageContaining("timeSteps T must be >= 1");
        assertThatThrownBy(() -> new SpikingDense.Builder().threshold(0)).hasMessageContaining("threshold must be finite and > 0");
        assertThatThrownBy(() -> new SpikingDense.Builder().threshold(-1)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new SpikingDense.Builder().beta(0)).hasMessageContaining("beta (leak) must be in (0, 1]");
        assertThatThrownBy(() -> new SpikingDense.Builder().beta(1.01)).hasMessageContaining("beta");
        assertThatThrownBy(() -> new SpikingDense.Builder().surrogate(null)).hasMessageContaining("surrogate");
    }

    @Test
    void jsonSettersCheckToo() {
        SpikingDense layer = new SpikingDense();
        assertThatThrownBy(() -> layer.setTimeSteps(-1)).hasMessageContaining("timeSteps T");
        assertThatThrownBy(() -> layer.setBeta(2)).hasMessageContaining("beta");
        assertThatThrownBy(() -> layer.setThreshold(Double.NaN)).hasMessageContaining("threshold");
    }

    @Test
    void mismatchedTimeStepsBetweenLayersFailAtConfiguration() {
        assertThatThrownBy(() -> new NeuralNetConfiguration.Builder().list()
                .layer(new SpikingDense.Builder().nOut(4).timeSteps(8).build())
                .layer(new SpikingDense.Builder().nOut(4).timeSteps(16).build())
                .layer(new TimeAverage.Builder().build())
                .layer(new OutputLayer.Builder().nOut(1).build())
                .setInputType(InputType.feedForward(2)).build())
                .hasMessageContaining("8 time steps").hasMessageContaining("T=16");
    }

    @Test
    void timeAverageNeedsSpikeTrains() {
        assertThatThrownBy(() -> new NeuralNetConfiguration.Builder().list()
                .layer(new TimeAverage.Builder().build())
                .layer(new OutputLayer.Builder().nOut(1).build())
                .setInputType(InputType.feedForward(2)).build())
                .hasMessageContaining("TimeAverage").hasMessageContaining("spike trains");
    }

    @Test
    void inputOfWrongWidthRankOrValueFailsNamingIt() {
        MultiLayerConfiguration conf = Networks.mlp(1, DataType.FLOAT, new Sgd(0.1), 2, 1,
                new SpikingDense.Builder().timeSteps(4), 3);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        assertThatThrownBy(() -> net.output(Nd4j.zeros(DataType.FLOAT, 5, 3)))
                .isInstanceOf(DL4JInvalidInputException.class).hasMessageContaining("nIn=2");
        assertThatThrownBy(() -> net.output(Nd4j.zeros(DataType.FLOAT, 5, 2, 3, 1)))
                .hasMessageContaining("expected input [batch, nIn=2]");
        assertThatThrownBy(() -> net.output(Nd4j.zeros(DataType.FLOAT, 5, 2, 7)))
                .hasMessageContaining("T=4");
        assertThatThrownBy(() -> net.output(Nd4j.create(new float[][] {{1, Float.NaN}})))
                .hasMessageContaining("input contains a non-finite value (NaN)");
    }
}
