package org.dl4jsnn.operator;

import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.operator.conf.DeepOnetProduct;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A DeepONet small enough for finite differences and many-sample estimator tests, in the per-function layout:
 * inputs branch [F, 3], trunk [B, 1] and the pair-to-function index [B, 1]; one spiking layer per tower, a
 * latent width of 3, DOUBLE, no updater.
 */
public final class TinyPerFunctionDeepOnet {

    private TinyPerFunctionDeepOnet() {
    }

    /** An initialized net whose towers use {@code spiking} (a fresh builder per call) with {@code width} neurons. */
    public static ComputationGraph build(Supplier<SpikingDense.Builder> spiking, int width) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.DOUBLE)
                .updater(new NoOp()).weightInit(WeightInit.XAVIER).graphBuilder()
                .addInputs("branch", "trunk", "function")
                .addLayer("bs", spiking.get().nOut(width).build(), "branch")
                .addLayer("br", new TimeAverage.Builder().build(), "bs")
                .addLayer("bo", new DenseLayer.Builder().nOut(3).activation(Activation.IDENTITY).build(), "br")
                .addLayer("ts", spiking.get().nOut(width).build(), "trunk")
                .addLayer("tr", new TimeAverage.Builder().build(), "ts")
                .addLayer("to", new DenseLayer.Builder().nOut(3).activation(Activation.IDENTITY).build(), "tr")
                .addVertex("product", new DeepOnetProduct(), "bo", "to", "function")
                .addLayer("u", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(1).build(), "product")
                .setOutputs("u")
                .setInputTypes(InputType.feedForward(3), InputType.feedForward(1), InputType.feedForward(1))
                .build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }
}
