package org.dl4jsnn.operator.vertex;

import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.dl4jsnn.layer.NdArrays;
import org.dl4jsnn.operator.math.OperatorProducts;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The DL4J implementation of {@link org.dl4jsnn.operator.conf.DeepOnetProduct}. */
public class DeepOnetProductVertex extends BaseGraphVertex {

    public DeepOnetProductVertex(ComputationGraph graph, String name, int index, DataType dataType) {
        super(graph, name, index, null, null, dataType);
    }

    @Override
    public boolean hasLayer() {
        return false;
    }

    @Override
    public Layer getLayer() {
        return null;
    }

    private int[] shape() {
        INDArray b = inputs[0];
        INDArray t = inputs[1];
        if (b.rank() != 2 || t.rank() != 2 || !Arrays.equals(b.shape(), t.shape())) {
            throw new IllegalArgumentException(getVertexName() + ": branch " + Arrays.toString(b.shape())
                    + " and trunk " + Arrays.toString(t.shape()) + " outputs must both be [batch, p]");
        }
        return new int[] {(int) b.size(0), (int) b.size(1)};
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr mgr) {
        int[] s = shape();
        double[] out = OperatorProducts.dot(NdArrays.toDoubles(inputs[0]), NdArrays.toDoubles(inputs[1]), s[0], s[1]);
        return NdArrays.fill(mgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, new long[] {s[0], 1}, 'c'), out);
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr mgr) {
        int[] s = shape();
        double[] eps = NdArrays.toDoubles(epsilon);
        double[] b = NdArrays.toDoubles(inputs[0]);
        double[] t = NdArrays.toDoubles(inputs[1]);
        long[] shape = {s[0], s[1]};
        INDArray dB = NdArrays.fill(mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, shape, 'c'),
                OperatorProducts.dotAdjoint(eps, t, s[0], s[1]));
        INDArray dT = NdArrays.fill(mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, shape, 'c'),
                OperatorProducts.dotAdjoint(eps, b, s[0], s[1]));
        return new Pair<>(null, new INDArray[] {dB, dT});
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray view) {
        if (view != null) {
            throw new IllegalStateException("DeepOnetProduct has no parameters");
        }
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] masks, MaskState state, int minibatchSize) {
        return null;
    }

    @Override
    public String toString() {
        return "DeepOnetProductVertex(" + getVertexName() + ")";
    }
}
