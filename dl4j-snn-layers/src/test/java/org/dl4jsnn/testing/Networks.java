package org.dl4jsnn.testing;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.conf.TimeAverage;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small spiking networks the tests share. */
public final class Networks {

    private Networks() {
    }

    /** nIn - hidden... (spiking) - time average - nOut linear readout, MSE. */
    public static MultiLayerConfiguration mlp(long seed, DataType type, IUpdater updater, int nIn, int nOut,
                                              SpikingDense.Builder hidden, int... widths) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(type)
                .updater(updater)
                .weightInit(WeightInit.XAVIER)
                .list();
        for (int w : widths) {
            list.layer(hidden.nOut(w).build());
        }
        list.layer(new TimeAverage.Builder().build());
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                .nOut(nOut).build());
        return list.setInputType(InputType.feedForward(nIn)).build();
    }

    public static MultiLayerNetwork mexicanHat(long seed, DataType type) {
        MultiLayerNetwork net = new MultiLayerNetwork(mlp(seed, type, new Adam(1e-2), 2, 1,
                new SpikingDense.Builder().timeSteps(32), 16, 16));
        net.init();
        return net;
    }
}
