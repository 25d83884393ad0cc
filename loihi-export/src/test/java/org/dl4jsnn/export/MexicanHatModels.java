package org.dl4jsnn.export;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.data.MexicanHat;
import org.dl4jsnn.data.MexicanHatIterator;
import org.dl4jsnn.neuron.ResetMode;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.adapter.MultiDataSetIteratorAdapter;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The Mexican-hat 2-16-16-1 spiking MLP (T = 32) trained briefly by back-propagation, for export tests. */
public final class MexicanHatModels {

    public static final MexicanHat DATA = MexicanHat.generate(MexicanHat.Config.defaults());

    private MexicanHatModels() {
    }

    public static ComputationGraph untrained(ResetMode reset, long seed) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(DataType.FLOAT).updater(new Adam(5e-3)).weightInit(WeightInit.XAVIER)
                .graphBuilder().addInputs("xy")
                .addLayer("spikes0", new SpikingDense.Builder().nOut(16).timeSteps(32).resetMode(reset).build(), "xy")
                .addLayer("spikes1", new SpikingDense.Builder().nOut(16).timeSteps(32).resetMode(reset).build(),
                        "spikes0")
                .addLayer("rates1", new TimeAverage.Builder().build(), "spikes1")
                .addLayer("u", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(1).build(), "rates1")
                .setOutputs("u").setInputTypes(InputType.feedForward(2)).build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    public static MultiDataSetIterator trainData(long seed) {
        return new MultiDataSetIteratorAdapter(new MexicanHatIterator(DATA.train(), 100, seed));
    }

    public static ComputationGraph trained(ResetMode reset, long seed, int iterations) {
        ComputationGraph net = untrained(reset, seed);
        MultiDataSetIterator data = trainData(seed);
        for (int it = 0; it < iterations; it++) {
            if (!data.hasNext()) {
                data.reset();
            }
            net.fit(data.next());
        }
        return net;
    }
}
