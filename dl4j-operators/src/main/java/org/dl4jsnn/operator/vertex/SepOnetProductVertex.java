package org.dl4jsnn.operator.vertex;

import java.util.Arrays;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.dl4jsnn.layer.NdArrays;
import org.dl4jsnn.operator.math.OperatorProducts;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The DL4J implementation of {@link org.dl4jsnn.operator.conf.SepOnetProduct}. */
public class SepOnetProductVertex extends ParameterFreeVertex {

    public SepOnetProductVertex(ComputationGraph graph, String name, int index, DataType dataType) {
        super(graph, name, index, dataType);
    }

    private int[] sizes() {
        long r = inputs[0].size(1);
        for (int i = 0; i < 3; i++) {
            if (inputs[i].rank() != 2 || inputs[i].size(1) != r) {
                throw new IllegalArgumentException(getVertexName() + ": branch, x-trunk and t-trunk outputs must be "
                        + "[rows, r] with the same r; input " + i + " has shape "
                        + Arrays.toString(inputs[i].shape()));
            }
        }
        return new int[] {(int) inputs[0].size(0), (int) inputs[1].size(0), (int) inputs[2].size(0), (int) r};
    }

    /**
     * A FLOAT network's products run in float (its spiking layers do too); a DOUBLE network keeps the exact
     * double products its forward-mode and finite-difference tests compare against.
     */
    private boolean floats() {
        return dataType == DataType.FLOAT && inputs[0].dataType() == DataType.FLOAT
                && inputs[1].dataType() == DataType.FLOAT && inputs[2].dataType() == DataType.FLOAT;
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr mgr) {
        int[] s = sizes();
        INDArray target = mgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {s[0], (long) s[1] * s[2]}, 'c');
        if (floats()) {
            return NdArrays.fill(target, OperatorProducts.outer(NdArrays.toFloats(inputs[0]),
                    NdArrays.toFloats(inputs[1]), NdArrays.toFloats(inputs[2]), s[0], s[1], s[2], s[3]));
        }
        return NdArrays.fill(target, OperatorProducts.outer(NdArrays.toDoubles(inputs[0]),
                NdArrays.toDoubles(inputs[1]), NdArrays.toDoubles(inputs[2]), s[0], s[1], s[2], s[3]));
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr mgr) {
        int[] s = sizes();
        INDArray[] out = new INDArray[3];
        for (int i = 0; i < 3; i++) {
            out[i] = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, new long[] {s[i], s[3]}, 'c');
        }
        if (floats()) {
            float[][] grads = OperatorProducts.outerAdjoint(NdArrays.toFloats(epsilon), NdArrays.toFloats(inputs[0]),
                    NdArrays.toFloats(inputs[1]), NdArrays.toFloats(inputs[2]), s[0], s[1], s[2], s[3]);
            for (int i = 0; i < 3; i++) {
                NdArrays.fill(out[i], grads[i]);
            }
        } else {
            double[][] grads = OperatorProducts.outerAdjoint(NdArrays.toDoubles(epsilon),
                    NdArrays.toDoubles(inputs[0]), NdArrays.toDoubles(inputs[1]), NdArrays.toDoubles(inputs[2]), s[0],
                    s[1], s[2], s[3]);
            for (int i = 0; i < 3; i++) {
                NdArrays.fill(out[i], grads[i]);
            }
        }
        return new Pair<>(null, out);
    }
}
