package org.dl4jsnn.arbiter.data;

import java.util.Objects;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.data.OperatorSamples;
import org.dl4jsnn.operator.OperatorMetrics;
import org.nd4j.linalg.api.buffer.DataType;

/** Held-out functions of an operator task: the mean over them of each one's relative L2 error. */
public final class OperatorValidationSet implements ValidationSet {

    private final OperatorSamples samples;

    public OperatorValidationSet(OperatorSamples samples) {
        this.samples = Objects.requireNonNull(samples, "samples");
    }

    @Override
    public double relativeL2(Model model) {
        if (!(model instanceof ComputationGraph graph)) {
            throw new IllegalArgumentException("a DeepONet is a ComputationGraph, got "
                    + (model == null ? "null" : model.getClass().getName()));
        }
        return OperatorMetrics.meanRelativeL2(OperatorMetrics.predictDeepOnet(graph, samples, DataType.FLOAT),
                OperatorMetrics.solutions(samples));
    }

    @Override
    public int size() {
        return samples.functionCount();
    }
}
