package org.dl4jsnn.operator.conf;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.operator.vertex.DeepOnetProductVertex;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The DeepONet combination sum_k branch_k(f) trunk_k(x): inputs [batch, p] (branch) and [batch, p] (trunk)
 * give [batch, 1]. The bias b0 comes from the 1-to-1 output layer that follows.
 *
 * <p>With a third input, the pair-to-function index [batch, 1], the branch holds one row per distinct
 * function ([functions, p]) and pair n uses branch row index[n] (docs/design.md section 4): the branch runs
 * once per function, in back-propagation as in the forward pass. The number of inputs is the whole
 * configuration, so the JSON form is the same in both layouts.
 */
public class DeepOnetProduct extends ParameterFreeGraphVertex {

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
    public int minVertexInputs() {
        return 2;
    }

    @Override
    public int maxVertexInputs() {
        return 3;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
            INDArray paramsView, boolean initializeParams, DataType networkDatatype) {
        return new DeepOnetProductVertex(graph, name, idx, networkDatatype);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... in) throws InvalidInputTypeException {
        if (in.length < 2 || in.length > 3) {
            throw new InvalidInputTypeException("DeepOnetProduct takes 2 inputs (branch, trunk) or 3 (branch,"
                    + " trunk, function index), got " + in.length);
        }
        requireFeedForward(in);
        long p0 = ((InputType.InputTypeFeedForward) in[0]).getSize();
        long p1 = ((InputType.InputTypeFeedForward) in[1]).getSize();
        if (p0 != p1) {
            throw new InvalidInputTypeException("DeepOnetProduct: branch has p=" + p0 + " outputs but trunk has p="
                    + p1 + "; both must end in the same number of outputs");
        }
        if (in.length == 3 && ((InputType.InputTypeFeedForward) in[2]).getSize() != 1) {
            throw new InvalidInputTypeException("DeepOnetProduct: the function index (input 2) must be one column"
                    + " [pairs, 1], got width " + ((InputType.InputTypeFeedForward) in[2]).getSize());
        }
        return InputType.feedForward(1);
    }
}
