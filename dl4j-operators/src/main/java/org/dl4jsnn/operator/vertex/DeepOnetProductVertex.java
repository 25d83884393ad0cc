package org.dl4jsnn.operator.vertex;

import java.util.Arrays;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.dl4jsnn.layer.NdArrays;
import org.dl4jsnn.operator.math.FunctionIndex;
import org.dl4jsnn.operator.math.OperatorProducts;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The DL4J implementation of {@link org.dl4jsnn.operator.conf.DeepOnetProduct}. */
public class DeepOnetProductVertex extends ParameterFreeVertex {

    public DeepOnetProductVertex(ComputationGraph graph, String name, int index, DataType dataType) {
        super(graph, name, index, dataType);
    }

    /** [pairs, p, branch rows]: the branch has one row per pair, or per function with the index input. */
    private int[] shape() {
        if (inputs.length < 2 || inputs.length > 3) {
            throw new IllegalArgumentException(getVertexName() + ": takes branch, trunk and optionally the function"
                    + " index, got " + inputs.length + " inputs");
        }
        INDArray b = inputs[0];
        INDArray t = inputs[1];
        if (!indexed()) {
            if (b.rank() != 2 || t.rank() != 2 || !Arrays.equals(b.shape(), t.shape())) {
                throw new IllegalArgumentException(getVertexName() + ": branch " + Arrays.toString(b.shape())
                        + " and trunk " + Arrays.toString(t.shape()) + " outputs must both be [batch, p]");
            }
            return new int[] {(int) b.size(0), (int) b.size(1), (int) b.size(0)};
        }
        INDArray fn = inputs[2];
        if (b.rank() != 2 || t.rank() != 2 || b.size(1) != t.size(1)) {
            throw new IllegalArgumentException(getVertexName() + ": branch " + Arrays.toString(b.shape())
                    + " and trunk " + Arrays.toString(t.shape()) + " outputs must be [functions, p] and [pairs, p]");
        }
        if (fn.rank() != 2 || fn.size(0) != t.size(0) || fn.size(1) != 1) {
            throw new IllegalArgumentException(getVertexName() + ": the function index must be a column [pairs, 1]"
                    + " with one row per trunk row (" + t.size(0) + "), got " + Arrays.toString(fn.shape()));
        }
        return new int[] {(int) t.size(0), (int) t.size(1), (int) b.size(0)};
    }

    private boolean indexed() {
        return inputs.length == 3;
    }

    /** Each pair's function row (checked), or null when the branch has one row per pair. */
    private int[] functionRows(int[] s) {
        return indexed() ? FunctionIndex.of(NdArrays.toDoubles(inputs[2]), s[2]) : null;
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr mgr) {
        int[] s = shape();
        int[] fn = functionRows(s);
        double[] b = NdArrays.toDoubles(inputs[0]);
        double[] t = NdArrays.toDoubles(inputs[1]);
        double[] out = fn == null ? OperatorProducts.dot(b, t, s[0], s[1])
                : OperatorProducts.gatherDot(b, fn, t, s[0], s[1]);
        return NdArrays.fill(mgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, new long[] {s[0], 1}, 'c'), out);
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr mgr) {
        int[] s = shape();
        int[] fn = functionRows(s);
        double[] eps = NdArrays.toDoubles(epsilon);
        double[] b = NdArrays.toDoubles(inputs[0]);
        double[] t = NdArrays.toDoubles(inputs[1]);
        long[] trunkShape = {s[0], s[1]};
        long[] branchShape = {s[2], s[1]};
        INDArray dB = NdArrays.fill(mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, branchShape, 'c'),
                fn == null ? OperatorProducts.dotAdjoint(eps, t, s[0], s[1])
                        : OperatorProducts.scatterDotAdjoint(eps, t, fn, s[2], s[0], s[1]));
        INDArray dT = NdArrays.fill(mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, trunkShape, 'c'),
                fn == null ? OperatorProducts.dotAdjoint(eps, b, s[0], s[1])
                        : OperatorProducts.gatherDotAdjoint(eps, b, fn, s[0], s[1]));
        if (fn == null) {
            return new Pair<>(null, new INDArray[] {dB, dT});
        }
        // the index is data, not a function of parameters: its epsilon is zero
        INDArray dIndex = mgr.create(ArrayType.ACTIVATION_GRAD, dataType, new long[] {s[0], 1}, 'c');
        return new Pair<>(null, new INDArray[] {dB, dT, dIndex});
    }
}
