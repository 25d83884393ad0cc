package org.dl4jsnn.arbiter.space;

import java.util.ArrayList;
import java.util.List;
import org.dl4jsnn.arbiter.candidate.SpikingMlpCandidate;
import org.dl4jsnn.arbiter.method.TrainingMethod;
import org.dl4jsnn.conf.SpikingDense;

/**
 * Spiking MLP regressors and their training methods: {@code hiddenLayers} spiking layers drawn from one
 * {@link SpikingDenseLayerSpace} (so all share T and the neuron settings; the width is its nOut), a
 * time average and a linear readout, trained by a method from a {@link TrainingMethodSpace}.
 */
public class SpikingMlpSpace extends CompositeSpace<SpikingMlpCandidate> {

    private int inputs;
    private int outputs;
    private int hiddenLayers;
    private SpikingDenseLayerSpace layer;
    private TrainingMethodSpace method;

    /** For JSON. */
    protected SpikingMlpSpace() {
    }

    public SpikingMlpSpace(int inputs, int outputs, int hiddenLayers, SpikingDenseLayerSpace layer,
                           TrainingMethodSpace method) {
        if (inputs < 1 || outputs < 1 || hiddenLayers < 1) {
            throw new IllegalArgumentException("inputs, outputs and hiddenLayers must be >= 1, got " + inputs + ", "
                    + outputs + ", " + hiddenLayers);
        }
        if (layer == null || layer.getNOut() == null) {
            throw new IllegalArgumentException("layer must be a SpikingDenseLayerSpace with nOut (the hidden width) set");
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.hiddenLayers = hiddenLayers;
        this.layer = layer;
        this.method = Spaces.required("method", method);
    }

    @Override
    public SpikingMlpCandidate getValue(double[] values) {
        SpikingDense one = layer.getValue(values);
        List<SpikingDense> hidden = new ArrayList<>();
        for (int i = 0; i < hiddenLayers; i++) {
            hidden.add(one);
        }
        TrainingMethod m = method.getValue(values);
        return new SpikingMlpCandidate(inputs, hidden, outputs, m);
    }

    public int getInputs() {
        return inputs;
    }

    public int getOutputs() {
        return outputs;
    }

    public int getHiddenLayers() {
        return hiddenLayers;
    }

    public SpikingDenseLayerSpace getLayer() {
        return layer;
    }

    public TrainingMethodSpace getMethod() {
        return method;
    }

    @Override
    public String toString() {
        return "SpikingMlpSpace(" + inputs + " inputs, " + hiddenLayers + " x " + layer + ", " + outputs
                + " outputs, " + method + ")";
    }
}
