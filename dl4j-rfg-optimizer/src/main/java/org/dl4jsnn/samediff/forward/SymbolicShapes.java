package org.dl4jsnn.samediff.forward;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ops.BaseReduceOp;
import org.nd4j.linalg.api.ops.BaseScalarOp;
import org.nd4j.linalg.api.ops.BaseTransformOp;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.RDivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.RSubOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shapes of a graph's variables as far as they can be known before any data is fed, with unknown
 * sizes (a placeholder's -1 batch dimension) kept as named symbols.
 *
 * <p>Its one use: when only one operand of a broadcasting add or sub carries a tangent, that
 * tangent must be broadcast to the output's shape unless it provably has it already. Symbols make
 * "[batch, n] + [n] has the shape of its first operand" provable without knowing the batch size,
 * which saves a copy per time step in a spiking layer. Anything not understood is "unknown", which
 * only costs that copy, never correctness.
 */
final class SymbolicShapes {

    /** One dimension: a fixed size, or a symbol standing for a size fixed only at run time. */
    record Dim(long size, String symbol) {
        static Dim of(long size) {
            return new Dim(size, null);
        }

        static Dim symbol(String name) {
            return new Dim(-1, name);
        }

        boolean isOne() {
            return symbol == null && size == 1;
        }
    }

    private final Map<String, List<Dim>> shapes;

    private SymbolicShapes(Map<String, List<Dim>> shapes) {
        this.shapes = shapes;
    }

    static SymbolicShapes infer(SameDiff sd, List<SameDiffOp> topologicalOps) {
        Map<String, List<Dim>> shapes = new HashMap<>();
        for (var entry : sd.getVariables().entrySet()) {
            SDVariable v = entry.getValue().getVariable();
            if (v.getVariableType() != VariableType.ARRAY) {
                shapes.put(entry.getKey(), declared(entry.getKey(), v));
            }
        }
        for (SameDiffOp op : topologicalOps) {
            List<String> outputs = GraphOrder.outputsOf(op);
            if (outputs.size() == 1) {
                List<List<Dim>> inputs = new ArrayList<>();
                for (String in : GraphOrder.inputsOf(op)) {
                    inputs.add(shapes.get(in));
                }
                shapes.put(outputs.get(0), outputShape(op.getOp(), inputs));
            }
        }
        return new SymbolicShapes(shapes);
    }

    /** True only if both shapes are known and provably equal. */
    boolean provablySame(String a, String b) {
        List<Dim> sa = shapes.get(a);
        return sa != null && sa.equals(shapes.get(b));
    }

    private static List<Dim> declared(String name, SDVariable v) {
        long[] shape = v.getShape();
        if (shape == null) {
            return null;
        }
        List<Dim> dims = new ArrayList<>(shape.length);
        for (int i = 0; i < shape.length; i++) {
            dims.add(shape[i] < 0 ? Dim.symbol(name + ":" + i) : Dim.of(shape[i]));
        }
        return List.copyOf(dims);
    }

    private static List<Dim> outputShape(DifferentialFunction op, List<List<Dim>> in) {
        if (in.isEmpty() || in.get(0) == null) {
            return null;
        }
        if (op instanceof BaseScalarOp || op instanceof StopGradient || op instanceof Identity
                || (op instanceof BaseTransformOp && in.size() == 1)) {
            return in.get(0);
        }
        if (isBroadcastingPairwise(op) && in.size() == 2) {
            return broadcast(in.get(0), in.get(1));
        }
        if (op instanceof Mmul mmul && in.size() == 2) {
            return matmul(mmul, in.get(0), in.get(1));
        }
        if (op instanceof BaseReduceOp reduce && in.size() == 1) {
            return reduced(reduce, in.get(0));
        }
        return null;
    }

    private static boolean isBroadcastingPairwise(DifferentialFunction op) {
        return op instanceof AddOp || op instanceof SubOp || op instanceof MulOp || op instanceof DivOp
                || op instanceof RSubOp || op instanceof RDivOp;
    }

    private static List<Dim> broadcast(List<Dim> a, List<Dim> b) {
        if (b == null) {
            return null;
        }
        int rank = Math.max(a.size(), b.size());
        Dim[] out = new Dim[rank];
        for (int i = 1; i <= rank; i++) {
            Dim da = i <= a.size() ? a.get(a.size() - i) : Dim.of(1);
            Dim db = i <= b.size() ? b.get(b.size() - i) : Dim.of(1);
            if (da.equals(db) || db.isOne()) {
                out[rank - i] = da;
            } else if (da.isOne()) {
                out[rank - i] = db;
            } else {
                return null;
            }
        }
        return List.of(out);
    }

    private static List<Dim> matmul(Mmul op, List<Dim> a, List<Dim> b) {
        long[] flags = op.iArgs();
        if (b == null || a.size() != 2 || b.size() != 2) {
            return null;
        }
        boolean ta = flags.length > 0 && flags[0] != 0;
        boolean tb = flags.length > 1 && flags[1] != 0;
        boolean tr = flags.length > 2 && flags[2] != 0;
        Dim rows = ta ? a.get(1) : a.get(0);
        Dim cols = tb ? b.get(0) : b.get(1);
        return tr ? List.of(cols, rows) : List.of(rows, cols);
    }

    private static List<Dim> reduced(BaseReduceOp op, List<Dim> in) {
        int[] dims = op.getDimensions();
        boolean all = dims == null || dims.length == 0 || Arrays.stream(dims).anyMatch(d -> d == Integer.MAX_VALUE);
        List<Dim> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            final int axis = i;
            boolean reducedAxis = all || Arrays.stream(dims).anyMatch(d -> d == axis || d + in.size() == axis);
            if (!reducedAxis) {
                out.add(in.get(i));
            } else if (op.isKeepDims()) {
                out.add(Dim.of(1));
            }
        }
        return List.copyOf(out);
    }
}
