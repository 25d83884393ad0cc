package org.dl4jsnn.arbiter.data;

import java.util.Objects;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.data.GridOperatorSamples;
import org.dl4jsnn.operator.OperatorMetrics;
import org.nd4j.linalg.api.buffer.DataType;

/** Held-out functions of a grid operator task: the mean over them of each one's relative L2 error on the grid. */
public final class GridValidationSet implements ValidationSet {

    private final GridOperatorSamples samples;

    public GridValidationSet(GridOperatorSamples samples) {
        this.samples = Objects.requireNonNull(samples, "samples");
    }

    @Override
    public double relativeL2(Model model) {
        if (!(model instanceof ComputationGraph graph)) {
            throw new IllegalArgumentException("a SepONet is a ComputationGraph, got "
                    + (model == null ? "null" : model.getClass().getName()));
        }
        return OperatorMetrics.meanRelativeL2(OperatorMetrics.predictSepOnet(graph, samples, DataType.FLOAT),
                OperatorMetrics.solutions(samples));
    }

    @Override
    public int size() {
        return samples.functionCount();
    }

    public GridOperatorSamples samples() {
        return samples;
    }
}
