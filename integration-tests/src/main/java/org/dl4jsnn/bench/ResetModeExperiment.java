package org.dl4jsnn.bench;

import java.util.Locale;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.data.MexicanHat;
import org.dl4jsnn.data.MexicanHatIterator;
import org.dl4jsnn.data.PointSamples;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.layer.NdArrays;
import org.dl4jsnn.operator.OperatorMetrics;
import org.dl4jsnn.train.RfgMultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * docs/design.md section 1 asks which reset gradient trains better: differentiated (the surrogate flows through
 * theta*S_t) or detached. Trains the Mexican-hat net both ways, by BP and by RFG-L, with the same seeds,
 * and prints the test errors. Usage: ResetModeExperiment [iterations] [seeds].
 */
public final class ResetModeExperiment {

    private ResetModeExperiment() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        MexicanHat data = MexicanHat.generate(MexicanHat.Config.defaults());
        System.out.printf(Locale.ROOT, "%-6s %-14s %s%n", "method", "reset", "test rel. L2 per seed (iterations "
                + iterations + ", batch 1000, Adam 5e-3)");
        for (String method : new String[] {"BP", "RFG-L"}) {
            for (boolean differentiated : new boolean[] {true, false}) {
                StringBuilder row = new StringBuilder();
                // from 1: DL4J M2.1 treats seed 0 as unseeded
                for (int seed = 1; seed <= seeds; seed++) {
                    row.append(String.format(Locale.ROOT, " %.4f", train(data, method, differentiated, seed,
                            iterations)));
                }
                System.out.printf(Locale.ROOT, "%-6s %-14s%s%n", method, differentiated ? "differentiated"
                        : "detached", row);
            }
        }
    }

    static double train(MexicanHat data, String method, boolean differentiated, long seed, int iterations) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(DataType.FLOAT).updater(new Adam(5e-3)).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new SpikingDense.Builder().nOut(16).resetDifferentiated(differentiated).build())
                .layer(new SpikingDense.Builder().nOut(16).resetDifferentiated(differentiated).build())
                .layer(new TimeAverage.Builder().build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(1).build())
                .setInputType(InputType.feedForward(2))
                .build();
        MultiLayerNetwork net = method.equals("BP") ? new MultiLayerNetwork(conf)
                : new RfgMultiLayerNetwork(conf, RfgSettings.layerwise(seed));
        net.init();
        DataSetIterator it = new MexicanHatIterator(data.train(), 1000, seed);
        for (int i = 0; i < iterations; i++) {
            if (!it.hasNext()) {
                it.reset();
            }
            net.fit(it.next());
        }
        PointSamples test = data.test();
        return OperatorMetrics.relativeL2(NdArrays.toDoubles(net.output(test.inputsArray(DataType.FLOAT))),
                test.targets());
    }
}
