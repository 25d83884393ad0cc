package org.dl4jsnn.operator.conf;

import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;

/**
 * The configuration of a vertex that combines feed-forward inputs without parameters of its own (the
 * operator products): no parameters, no memory beyond its activations, and inputs that must be
 * feed-forward rows.
 */
public abstract class ParameterFreeGraphVertex extends GraphVertex {

    private static final long serialVersionUID = 1L;

    @Override
    public long numParams(boolean backprop) {
        return 0;
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        return new LayerMemoryReport.Builder(null, getClass(), inputTypes[0], getOutputType(-1, inputTypes))
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS).build();
    }

    /** Refuses spike trains or other non-feed-forward inputs, naming the input and what to put before it. */
    void requireFeedForward(InputType... in) {
        for (int i = 0; i < in.length; i++) {
            if (in[i].getType() != InputType.Type.FF) {
                throw new InvalidInputTypeException(getClass().getSimpleName() + ": input " + i
                        + " must be feed-forward [rows, width] (put a TimeAverage and a dense layer after spiking"
                        + " layers), got " + in[i]);
            }
        }
    }
}
