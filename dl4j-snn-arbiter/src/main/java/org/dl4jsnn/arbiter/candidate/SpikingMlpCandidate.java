package org.dl4jsnn.arbiter.candidate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.dl4jsnn.arbiter.method.TrainingMethod;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.train.RfgMultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A spiking MLP regressor (docs/design.md section 1): spiking hidden layers, their time-averaged spikes,
 * a linear MSE readout. Trained by BP as a {@link MultiLayerNetwork}, by RFG as an
 * {@link RfgMultiLayerNetwork}.
 *
 * @param hidden the hidden layers' configurations (copied; never handed to DL4J, which edits them)
 */
public record SpikingMlpCandidate(int inputs, List<SpikingDense> hidden, int outputs, TrainingMethod method)
        implements SearchCandidate {

    public SpikingMlpCandidate {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("inputs and outputs must be >= 1, got " + inputs + ", " + outputs);
        }
        Objects.requireNonNull(method, "method");
        if (hidden == null || hidden.isEmpty()) {
            throw new IllegalArgumentException("hidden needs at least one spiking layer");
        }
        List<SpikingDense> copies = new ArrayList<>();
        for (SpikingDense layer : hidden) {
            copies.add((SpikingDense) Objects.requireNonNull(layer, "hidden layer").clone());
        }
        hidden = List.copyOf(copies);
    }

    /** The DL4J configuration this candidate trains. */
    public MultiLayerConfiguration configuration(long networkSeed, int iterations) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(SearchCandidate.requireNetworkSeed(networkSeed))
                .updater(method.updater(iterations))
                .weightInit(WeightInit.XAVIER)
                .list();
        for (SpikingDense layer : hidden) {
            list.layer(layer.clone());
        }
        return list.layer(new TimeAverage.Builder().build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(outputs).build())
                .setInputType(InputType.feedForward(inputs))
                .build();
    }

    @Override
    public MultiLayerNetwork build(long networkSeed, long rfgSeed, int iterations) {
        MultiLayerConfiguration conf = configuration(networkSeed, iterations);
        MultiLayerNetwork net = method.gradient().isForwardGradient()
                ? new RfgMultiLayerNetwork(conf, method.rfgSettings(rfgSeed))
                : new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    @Override
    public Map<String, Object> networkSettings() {
        SpikingDense first = hidden.get(0);
        Map<String, Object> m = new LinkedHashMap<>();
        SearchCandidate.putSpiking(m, first.getTimeSteps(), first.getSurrogate());
        m.put("threshold", first.getThreshold());
        m.put("beta", first.getBeta());
        m.put("reset", first.getResetMode().name() + (first.isResetDifferentiated() ? " (differentiated)" : ""));
        m.put("hidden", hidden.stream().map(l -> String.valueOf(l.getNOut())).reduce((a, b) -> a + "-" + b)
                .orElseThrow());
        if (method.gradient().isForwardGradient()) {
            m.put("K", method.directions());
        }
        return m;
    }
}
