package org.dl4jsnn.arbiter.data;

import java.util.Objects;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.data.PointSamples;
import org.dl4jsnn.layer.NdArrays;
import org.dl4jsnn.operator.OperatorMetrics;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Held-out points of a function-regression task, scored by ||pred - y|| / ||y|| over all of them. */
public final class PointValidationSet implements ValidationSet {

    private final PointSamples samples;

    public PointValidationSet(PointSamples samples) {
        this.samples = Objects.requireNonNull(samples, "samples");
    }

    @Override
    public double relativeL2(Model model) {
        INDArray x = samples.inputsArray(DataType.FLOAT);
        INDArray out;
        if (model instanceof MultiLayerNetwork net) {
            out = net.output(x, false);
        } else if (model instanceof ComputationGraph graph) {
            out = graph.outputSingle(false, x);
        } else {
            throw new IllegalArgumentException("model must be a MultiLayerNetwork or ComputationGraph, got "
                    + (model == null ? "null" : model.getClass().getName()));
        }
        return OperatorMetrics.relativeL2(NdArrays.toDoubles(out), samples.targets());
    }

    @Override
    public int size() {
        return samples.size();
    }

    public PointSamples samples() {
        return samples;
    }
}
