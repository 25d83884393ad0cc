package org.dl4jsnn.operator.conf;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.operator.vertex.SepOnetProductVertex;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The separable combination sum_k branch_k(f) trunkx_k(x_i) trunkt_k(t_j) over a whole grid: inputs
 * [B, r] (branch), [Nx, r] (x trunk on the Nx grid points), [Nt, r] (t trunk) give [B, Nx*Nt] with
 * column i*Nt + j, from Nx + Nt trunk evaluations instead of Nx*Nt.
 */
public class SepOnetProduct extends ParameterFreeGraphVertex {

    private static final long serialVersionUID = 1L;

    private int nx;
    private int nt;

    /** For JSON. */
    public SepOnetProduct() {
    }

    public SepOnetProduct(int nx, int nt) {
        if (nx < 1 || nt < 1) {
            throw new IllegalArgumentException("grid sizes nx and nt must be >= 1, got nx=" + nx + ", nt=" + nt);
        }
        this.nx = nx;
        this.nt = nt;
    }

    public int getNx() {
        return nx;
    }

    public void setNx(int nx) {
        this.nx = nx;
    }

    public int getNt() {
        return nt;
    }

    public void setNt(int nt) {
        this.nt = nt;
    }

    @Override
    public SepOnetProduct clone() {
        return new SepOnetProduct(nx, nt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SepOnetProduct other && other.nx == nx && other.nt == nt;
    }

    @Override
    public int hashCode() {
        return 31 * nx + nt;
    }

    @Override
    public int minVertexInputs() {
        return 3;
    }

    @Override
    public int maxVertexInputs() {
        return 3;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
            INDArray paramsView, boolean initializeParams, DataType networkDatatype) {
        return new SepOnetProductVertex(graph, name, idx, networkDatatype);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... in) throws InvalidInputTypeException {
        requireFeedForward(in);
        long r = ((InputType.InputTypeFeedForward) in[0]).getSize();
        for (int i = 1; i < 3; i++) {
            long ri = ((InputType.InputTypeFeedForward) in[i]).getSize();
            if (ri != r) {
                throw new InvalidInputTypeException("SepOnetProduct: branch has r=" + r + " outputs but trunk " + i
                        + " has " + ri + "; all three must end in the same number of outputs");
            }
        }
        return InputType.feedForward((long) nx * nt);
    }
}
