package org.dl4jsnn.spark;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.data.MexicanHat;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The tests' small network: a 2-16-16-1 spiking MLP (T = 8) in double precision, and Mexican-hat points. */
final class MexicanHatNets {

    private MexicanHatNets() {
    }

    static ComputationGraph network(long seed) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.DOUBLE)
                .updater(new Adam(5e-3)).graphBuilder().addInputs("xy")
                .addLayer("spikes0", new SpikingDense.Builder().nOut(16).timeSteps(8).build(), "xy")
                .addLayer("spikes1", new SpikingDense.Builder().nOut(16).timeSteps(8).build(), "spikes0")
                .addLayer("rates", new TimeAverage.Builder().build(), "spikes1")
                .addLayer("u", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(1).build(), "rates")
                .setOutputs("u").setInputTypes(InputType.feedForward(2)).build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    static MultiDataSet batch(int rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] xy = new double[rows][2];
        double[][] f = new double[rows][1];
        for (int r = 0; r < rows; r++) {
            xy[r][0] = -3 + 6 * rng.nextDouble();
            xy[r][1] = -3 + 6 * rng.nextDouble();
            f[r][0] = MexicanHat.value(xy[r][0], xy[r][1]);
        }
        return new org.nd4j.linalg.dataset.MultiDataSet(Nd4j.create(xy), Nd4j.create(f));
    }
}
