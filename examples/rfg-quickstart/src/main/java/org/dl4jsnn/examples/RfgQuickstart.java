package org.dl4jsnn.examples;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.surrogate.Surrogate;
import org.dl4jsnn.train.RfgMultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** A spiking network learns the Mexican hat by randomized forward gradients: no backward pass at all. */
public final class RfgQuickstart {

    public static void main(String[] args) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(42).updater(new Adam(5e-3)).weightInit(WeightInit.XAVIER).list()
                .layer(new SpikingDense.Builder().nOut(16).timeSteps(32).surrogate(Surrogate.gaussian(0.5)).build())
                .layer(new SpikingDense.Builder().nOut(16).timeSteps(32).surrogate(Surrogate.gaussian(0.5)).build())
                .layer(new TimeAverage.Builder().build())
                .layer(new OutputLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY).nOut(1).build())
                .setInputType(InputType.feedForward(2)).build();
        RfgMultiLayerNetwork net = new RfgMultiLayerNetwork(conf, RfgSettings.layerwise(7));
        net.init();

        DataSet data = mexicanHat(1000, new SplittableRandom(1));
        double before = net.score(data);
        for (int i = 0; i < 200; i++) {
            net.fit(data);
        }
        double after = net.score(data);
        System.out.printf("RFG-L, 200 iterations: training loss %.4f -> %.4f%n", before, after);
        if (!(after < 0.5 * before)) {
            throw new IllegalStateException("the loss did not halve: " + before + " -> " + after);
        }
    }

    /** f(x, y) = (1 - r^2) exp(-r^2 / 2) at n random points of [-3, 3]^2. */
    static DataSet mexicanHat(int n, SplittableRandom rng) {
        float[][] x = new float[n][2];
        float[][] y = new float[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = (float) rng.nextDouble(-3, 3);
            x[i][1] = (float) rng.nextDouble(-3, 3);
            double r2 = x[i][0] * x[i][0] + x[i][1] * x[i][1];
            y[i][0] = (float) ((1 - r2) * Math.exp(-r2 / 2));
        }
        return new DataSet(Nd4j.create(x), Nd4j.create(y));
    }
}
