package org.dl4jsnn.operator.conf;

import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.operator.vertex.DeepOnetProductVertex;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The DeepONet combination sum_k branch_k(f) trunk_k(x): inputs [batch, p] (branch) and [batch, p] (trunk)
 * give [batch, 1]. The bias b0 comes from the 1-to-1 output layer that follows.
 */
public class DeepOnetProduct extends GraphVertex {

    private static final long serialVersionUID = 1L;

    @Override
    public DeepOnetProduct clone() {
        return new DeepOnetProduct();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeepOnetProduct;
    }

    @Override
    public int hashCode() {
        return DeepOnetProduct.class.hashCode();
    }

    @Override
    public long numParams(boolean backprop) {
        return 0;
    }

    @Override
    public int minVertexInputs() {
        return 2;
    }

    @Override
    public int maxVertexInputs() {
        return 2;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
            INDArray paramsView, boolean initializeParams, DataType networkDatatype) {
        return new DeepOnetProductVertex(graph, name, idx, networkDatatype);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... in) throws InvalidInputTypeException {
        OperatorInputs.requireFeedForward("DeepOnetProduct", in);
        long p0 = ((InputType.InputTypeFeedForward) in[0]).getSize();
        long p1 = ((InputType.InputTypeFeedForward) in[1]).getSize();
        if (p0 != p1) {
            throw new InvalidInputTypeException("DeepOnetProduct: branch has p=" + p0 + " outputs but trunk has p="
                    + p1 + "; both must end in the same number of outputs");
        }
        return InputType.feedForward(1);
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        return new LayerMemoryReport.Builder(null, DeepOnetProduct.class, inputTypes[0], getOutputType(-1, inputTypes))
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS).build();
    }
}
