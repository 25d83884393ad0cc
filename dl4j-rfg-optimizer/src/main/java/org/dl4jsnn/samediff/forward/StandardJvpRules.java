package org.dl4jsnn.samediff.forward;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.BaseReduceOp;
import org.nd4j.linalg.api.ops.BaseScalarOp;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Mean;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.scalar.Pow;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarDivision;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarReverseDivision;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarReverseSubtraction;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarSubtraction;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.RDivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.RSubOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;
import org.nd4j.linalg.api.ops.impl.transforms.same.Negative;
import org.nd4j.linalg.api.ops.impl.transforms.same.Square;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The JVP rules for the ops that dense and spiking MLPs built in SameDiff use.
 *
 * <p>Notation below: a, b the inputs, da, db their tangents (either may be zero), y the output.
 * Every rule reuses the primal output y where the derivative is a function of it (tanh, sigmoid,
 * exp, divisions), so the tangent sweep recomputes nothing. Broadcasting needs no special care:
 * an op that is linear in an operand broadcasts that operand's tangent the same way, and products
 * of a tangent with the other (full or broadcast) operand come out at the output's shape.
 */
final class StandardJvpRules {

    static final JvpRules INSTANCE = build();

    private StandardJvpRules() {
    }

    private static JvpRules build() {
        Map<Class<? extends DifferentialFunction>, JvpRule> r = new HashMap<>();
        r.put(AddOp.class, StandardJvpRules::add);
        r.put(SubOp.class, StandardJvpRules::sub);
        r.put(RSubOp.class, StandardJvpRules::reverseSub);
        r.put(MulOp.class, StandardJvpRules::mul);
        r.put(DivOp.class, c -> quotient(c, 0, 1));
        r.put(RDivOp.class, c -> quotient(c, 1, 0));
        r.put(Mmul.class, StandardJvpRules::matmul);

        r.put(ScalarAdd.class, c -> c.tangent(0));
        r.put(ScalarSubtraction.class, c -> c.tangent(0));
        r.put(ScalarMultiplication.class, c -> c.tangent(0).mul(c.tangentName(), scalar(c)));
        r.put(ScalarDivision.class, c -> c.tangent(0).div(c.tangentName(), scalar(c)));
        r.put(ScalarReverseSubtraction.class, c -> c.tangent(0).neg(c.tangentName()));
        // y = s / a: dy = -y da / a
        r.put(ScalarReverseDivision.class, c -> c.output().mul(c.tangent(0)).div(c.input(0)).neg(c.tangentName()));
        r.put(Pow.class, StandardJvpRules::power);
        r.put(RectifiedLinear.class, c -> c.tangent(0).mul(c.tangentName(),
                c.sd().math().step(c.input(0), scalar(c))));

        r.put(Negative.class, c -> c.tangent(0).neg(c.tangentName()));
        r.put(Identity.class, c -> c.tangent(0));
        r.put(Square.class, c -> c.input(0).mul(c.tangent(0)).mul(c.tangentName(), 2.0));
        r.put(Tanh.class, c -> c.tangent(0).mul(c.tangentName(), c.output().mul(c.output()).rsub(1.0)));
        r.put(Sigmoid.class, c -> c.tangent(0).mul(c.tangentName(), c.output().mul(c.output().rsub(1.0))));
        r.put(Exp.class, c -> c.tangent(0).mul(c.tangentName(), c.output()));
        r.put(Log.class, c -> c.tangent(0).div(c.tangentName(), c.input(0)));
        r.put(Erf.class, StandardJvpRules::erf);

        r.put(Sum.class, StandardJvpRules::reduction);
        r.put(Mean.class, StandardJvpRules::reduction);

        return JvpRules.of(r, Set.of(StopGradient.class, Step.class));
    }

    private static SDVariable add(JvpContext c) {
        if (c.hasTangent(0) && c.hasTangent(1)) {
            return c.tangent(0).add(c.tangentName(), c.tangent(1));
        }
        return c.tangentAtOutputShape(c.hasTangent(0) ? 0 : 1);
    }

    private static SDVariable sub(JvpContext c) {
        if (c.hasTangent(0) && c.hasTangent(1)) {
            return c.tangent(0).sub(c.tangentName(), c.tangent(1));
        }
        return c.hasTangent(0) ? c.tangentAtOutputShape(0) : c.tangentAtOutputShape(1).neg(c.tangentName());
    }

    /** y = b - a. */
    private static SDVariable reverseSub(JvpContext c) {
        if (c.hasTangent(0) && c.hasTangent(1)) {
            return c.tangent(1).sub(c.tangentName(), c.tangent(0));
        }
        return c.hasTangent(1) ? c.tangentAtOutputShape(1) : c.tangentAtOutputShape(0).neg(c.tangentName());
    }

    private static SDVariable mul(JvpContext c) {
        if (!c.hasTangent(1)) {
            return c.tangent(0).mul(c.tangentName(), c.input(1));
        }
        if (!c.hasTangent(0)) {
            return c.input(0).mul(c.tangentName(), c.tangent(1));
        }
        return c.tangent(0).mul(c.input(1)).add(c.tangentName(), c.input(0).mul(c.tangent(1)));
    }

    /** y = inputs[num] / inputs[den]: dy = (d num - y d den) / den. */
    private static SDVariable quotient(JvpContext c, int num, int den) {
        SDVariable denominator = c.input(den);
        if (!c.hasTangent(den)) {
            return c.tangent(num).div(c.tangentName(), denominator);
        }
        SDVariable viaDenominator = c.output().mul(c.tangent(den));
        if (!c.hasTangent(num)) {
            return viaDenominator.div(denominator).neg(c.tangentName());
        }
        return c.tangent(num).sub(viaDenominator).div(c.tangentName(), denominator);
    }

    /** y = alpha op(a) op(b), op = optional transpose: bilinear, so dy = alpha (op(da) op(b) + op(a) op(db)). */
    private static SDVariable matmul(JvpContext c) {
        Mmul op = (Mmul) c.op();
        long[] flags = op.iArgs();
        boolean ta = flags.length > 0 && flags[0] != 0;
        boolean tb = flags.length > 1 && flags[1] != 0;
        boolean tr = flags.length > 2 && flags[2] != 0;
        double[] t = op.tArgs();
        double alpha = t.length > 0 ? t[0] : 1.0;
        SameDiff sd = c.sd();
        boolean scaled = alpha != 1.0;
        String last = scaled ? null : c.tangentName();
        SDVariable d;
        if (!c.hasTangent(1)) {
            d = sd.mmul(last, c.tangent(0), c.input(1), ta, tb, tr);
        } else if (!c.hasTangent(0)) {
            d = sd.mmul(last, c.input(0), c.tangent(1), ta, tb, tr);
        } else {
            d = sd.mmul(c.tangent(0), c.input(1), ta, tb, tr)
                    .add(last, sd.mmul(c.input(0), c.tangent(1), ta, tb, tr));
        }
        return scaled ? d.mul(c.tangentName(), alpha) : d;
    }

    /** y = a^p with a scalar exponent p: dy = p a^(p-1) da. */
    private static SDVariable power(JvpContext c) {
        double p = scalar(c);
        if (p == 0.0) {
            return null;
        }
        if (p == 1.0) {
            return c.tangent(0);
        }
        SDVariable slope = p == 2.0 ? c.input(0).mul(2.0) : c.input(0).pow(p - 1.0).mul(p);
        return c.tangent(0).mul(c.tangentName(), slope);
    }

    /** erf'(a) = 2 / sqrt(pi) exp(-a^2). */
    private static SDVariable erf(JvpContext c) {
        SameDiff sd = c.sd();
        SDVariable slope = sd.math().exp(sd.math().square(c.input(0)).neg()).mul(2.0 / Math.sqrt(Math.PI));
        return c.tangent(0).mul(c.tangentName(), slope);
    }

    /** Sum and mean are linear: the tangent is reduced over the same dimensions. */
    private static SDVariable reduction(JvpContext c) {
        BaseReduceOp op = (BaseReduceOp) c.op();
        if (c.inputCount() != 1) {
            throw new UnsupportedOperationException("Forward mode supports " + op.opName()
                    + " with fixed dimensions only; op '" + op.getOwnName() + "' takes its dimensions as a variable");
        }
        int[] dims = op.getDimensions();
        boolean all = dims == null || Arrays.stream(dims).anyMatch(d -> d == Integer.MAX_VALUE);
        int[] along = all ? new int[0] : dims;
        SameDiff sd = c.sd();
        return op instanceof Sum
                ? sd.sum(c.tangentName(), c.tangent(0), op.isKeepDims(), along)
                : sd.mean(c.tangentName(), c.tangent(0), op.isKeepDims(), along);
    }

    private static double scalar(JvpContext c) {
        return ((BaseScalarOp) c.op()).scalar().getDouble(0);
    }
}
