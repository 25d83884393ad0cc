package org.dl4jsnn.samediff.forward;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastTo;

import java.util.List;
import java.util.Map;

/**
 * What a {@link JvpRule} sees of one op: its primal inputs and output, the inputs' tangents (null
 * where zero), and the name the output's tangent should get.
 */
public final class JvpContext {

    private final SameDiff sd;
    private final DifferentialFunction op;
    private final List<String> inputs;
    private final String output;
    private final Map<String, SDVariable> tangents;
    private final SymbolicShapes shapes;
    private final String tangentName;

    JvpContext(SameDiff sd, DifferentialFunction op, List<String> inputs, String output,
               Map<String, SDVariable> tangents, SymbolicShapes shapes, String tangentName) {
        this.sd = sd;
        this.op = op;
        this.inputs = List.copyOf(inputs);
        this.output = output;
        this.tangents = tangents;
        this.shapes = shapes;
        this.tangentName = tangentName;
    }

    public SameDiff sd() {
        return sd;
    }

    public DifferentialFunction op() {
        return op;
    }

    public int inputCount() {
        return inputs.size();
    }

    public SDVariable input(int i) {
        return sd.getVariable(inputs.get(i));
    }

    /** The tangent of input i, or null if it is identically zero. */
    public SDVariable tangent(int i) {
        return tangents.get(inputs.get(i));
    }

    public boolean hasTangent(int i) {
        return tangent(i) != null;
    }

    public SDVariable output() {
        return sd.getVariable(output);
    }

    /** The name for the output's tangent, to give the rule's last op. */
    public String tangentName() {
        return tangentName;
    }

    /**
     * The tangent of input i at the output's shape. A broadcasting op that is linear in input i
     * broadcasts that input's tangent exactly as it broadcasts the input, so the tangent is returned
     * unchanged when the shapes provably agree and broadcast otherwise.
     */
    public SDVariable tangentAtOutputShape(int i) {
        SDVariable t = tangent(i);
        if (shapes.provablySame(inputs.get(i), output)) {
            return t;
        }
        return new BroadcastTo(sd, t, sd.shape(output())).outputVariable();
    }
}
