package org.dl4jsnn.samediff.forward;

import org.dl4jsnn.samediff.spike.SpikeOps;
import org.dl4jsnn.samediff.testing.DenseMlp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ForwardModeTransformTest {

    private static final DataType DT = DataType.DOUBLE;
    private static final double TOLERANCE = 1e-9;

    @Test
    void denseMlpMatchesReverseMode() {
        DenseMlp mlp = DenseMlp.build(DT, 1, 3, 6, 5, 4, 2);
        JvpCheck check = JvpCheck.run(mlp.sd(), DenseMlp.LOSS, mlp.parameters(), DenseMlp.data(DT, 2, 8, 3, 2),
                ForwardModeTransform.standard(), 3);
        report("dense tanh/sigmoid/relu MLP", check);
        assertThat(check.relativeError()).isLessThan(TOLERANCE);
        assertThat(Math.abs(check.reverse())).isGreaterThan(1e-3);
    }

    @Test
    void tangentGraphLeavesThePrimalLossUnchanged() {
        DenseMlp mlp = DenseMlp.build(DT, 4, 3, 5, 2);
        JvpCheck check = JvpCheck.run(mlp.sd(), DenseMlp.LOSS, mlp.parameters(), DenseMlp.data(DT, 5, 6, 3, 2),
                ForwardModeTransform.standard(), 6);
        assertThat(check.lossAfter()).isEqualTo(check.lossBefore());
    }

    /** Each subset perturbs different operands, so every one-sided case of each broadcasting rule runs. */
    @ParameterizedTest
    @ValueSource(strings = {"w,c,s,m", "w", "c", "s", "m", "w,m"})
    void broadcastingArithmeticMatchesReverseMode(String perturbed) {
        SameDiff sd = SameDiff.create();
        SplittableRandom random = new SplittableRandom(7);
        SDVariable x = sd.placeHolder("x", DT, -1, 4);
        SDVariable w = sd.var("w", DenseMlp.gaussian(random, DT, 1.0, 4));
        SDVariable c = sd.var("c", DenseMlp.gaussian(random, DT, 1.0, 1, 4));
        SDVariable s = sd.var("s", DenseMlp.gaussian(random, DT, 1.0, 1).reshape());
        SDVariable m = sd.var("m", DenseMlp.gaussian(random, DT, 1.0, 4, 3));
        SDVariable positive = w.mul(w).add(1.0);
        SDVariable h = x.add(w)                     // [b,4] + [4]
                .mul(c)                             // * [1,4]
                .div(positive)                      // / [4]
                .sub(w)                             // - [4]
                .mul(s);                            // * scalar
        SDVariable g = c.rsub(h);                   // h - c
        g = positive.rdiv(g);                       // g / positive
        g = w.add(g);                               // [4] + [b,4]: the tangent of w needs broadcasting
        g = c.sub(g);                               // [1,4] - [b,4]
        SDVariable y = g.mmul(m);
        sd.math().square(y).mean("loss");
        Map<String, INDArray> ph = Map.of("x", DenseMlp.gaussian(random, DT, 1.0, 5, 4));
        JvpCheck check = JvpCheck.run(sd, "loss", List.of(perturbed.split(",")), ph,
                ForwardModeTransform.standard(), 8);
        report("broadcasting arithmetic, perturbing " + perturbed, check);
        assertThat(check.relativeError()).isLessThan(TOLERANCE);
        assertThat(check.lossAfter()).isEqualTo(check.lossBefore());
    }

    @Test
    void oneSidedBroadcastTangentHasThePrimalShape() {
        SameDiff sd = SameDiff.create();
        SplittableRandom random = new SplittableRandom(9);
        SDVariable x = sd.placeHolder("x", DT, -1, 4);
        SDVariable w = sd.var("w", DenseMlp.gaussian(random, DT, 1.0, 4));
        SDVariable sum = x.add("shifted", w);
        sum.sum("loss");
        TangentGraph graph = ForwardModeTransform.standard().apply(sd, "loss", List.of("w"));
        Map<String, INDArray> feed = graph.feed(Map.of("x", DenseMlp.gaussian(random, DT, 1.0, 3, 4)),
                JvpCheck.gaussianDirections(sd, List.of("w"), 10));
        INDArray tangent = sd.output(feed, graph.tangents().get("shifted")).get(graph.tangents().get("shifted"));
        assertThat(tangent.shape()).containsExactly(3, 4);
        assertThat(sd.output(feed, graph.outputTangent()).get(graph.outputTangent()).getDouble(0))
                .isCloseTo(3 * feed.get("w-tangent").sumNumber().doubleValue(), within(1e-12));
    }

    @Test
    void reductionsMatchReverseMode() {
        SameDiff sd = SameDiff.create();
        SplittableRandom random = new SplittableRandom(11);
        SDVariable x = sd.placeHolder("x", DT, -1, 3);
        SDVariable w = sd.var("w", DenseMlp.gaussian(random, DT, 1.0, 3, 5));
        SDVariable h = sd.math().tanh(x.mmul(w));                   // [b,5]
        SDVariable rowSums = h.sum(1);                              // [b]
        SDVariable colMeans = h.mean(true, 0);                      // [1,5]
        SDVariable colSums = sd.math().square(h).sum(false, 0);     // [5]
        SDVariable loss = rowSums.mean()
                .add(colMeans.sum())
                .add(sd.math().square(colSums).mean())
                .add(h.sum(true, 0, 1).mean(true))
                .add(sd.math().exp(h.mean(true, 1)).sum());
        sd.identity("loss", loss);
        JvpCheck check = JvpCheck.run(sd, "loss", List.of("w"), Map.of("x", DenseMlp.gaussian(random, DT, 1.0, 6, 3)),
                ForwardModeTransform.standard(), 12);
        report("sum/mean reductions", check);
        assertThat(check.relativeError()).isLessThan(TOLERANCE);
    }

    @Test
    void scalarAndUnaryOpsMatchReverseMode() {
        SameDiff sd = SameDiff.create();
        SplittableRandom random = new SplittableRandom(13);
        SDVariable u = sd.var("u", DenseMlp.gaussian(random, DT, 1.0, 3, 4));
        SDVariable e = sd.math().exp(u.mul(0.3));
        SDVariable a = e.mul(2.0).add(1.0).sub(0.5).div(3.0).rsub(4.0).rdiv(2.0).neg().pow(3.0);
        SDVariable b = sd.math().square(sd.identity(u)).add(sd.math().log(e.add(1.0))).add(sd.math().erf(u));
        SDVariable c = sd.nn().sigmoid(u).mul(sd.nn().relu(u, 0.1)).add(sd.math().tanh(u).pow(2.0));
        SDVariable loss = a.add(b).add(c).sum();
        sd.identity("loss", loss);
        JvpCheck check = JvpCheck.run(sd, "loss", List.of("u"), Map.of(), ForwardModeTransform.standard(), 14);
        report("scalar and unary ops", check);
        assertThat(check.relativeError()).isLessThan(TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ff", "tf", "ft", "tt", "ttt"})
    void transposedMatmulMatchesReverseMode(String flags) {
        boolean ta = flags.charAt(0) == 't';
        boolean tb = flags.charAt(1) == 't';
        boolean tr = flags.length() > 2;
        SameDiff sd = SameDiff.create();
        SplittableRandom random = new SplittableRandom(15);
        SDVariable a = sd.var("a", ta ? DenseMlp.gaussian(random, DT, 1.0, 4, 3) : DenseMlp.gaussian(random, DT, 1.0, 3, 4));
        SDVariable b = sd.var("b", tb ? DenseMlp.gaussian(random, DT, 1.0, 5, 4) : DenseMlp.gaussian(random, DT, 1.0, 4, 5));
        SDVariable y = sd.mmul(a, b, ta, tb, tr);
        sd.math().tanh(y).sum("loss");
        JvpCheck check = JvpCheck.run(sd, "loss", List.of("a", "b"), Map.of(), ForwardModeTransform.standard(), 16);
        assertThat(check.relativeError()).isLessThan(TOLERANCE);
    }

    @Test
    void opWithoutRuleFailsNamingItAndLeavesTheGraphUnchanged() {
        SameDiff sd = SameDiff.create();
        SDVariable w = sd.var("w", DenseMlp.gaussian(new SplittableRandom(17), DT, 1.0, 2, 3));
        sd.math().cosh(w).sum("loss");
        int variablesBefore = sd.variables().size();
        assertThatThrownBy(() -> ForwardModeTransform.standard().apply(sd, "loss", List.of("w")))
                .isInstanceOf(MissingJvpRuleException.class)
                .hasMessageContaining("'cosh'")
                .hasMessageContaining("org.nd4j.linalg.api.ops.impl.transforms.strict.Cosh");
        assertThat(sd.variables()).hasSize(variablesBefore);
    }

    @Test
    void opOffThePathNeedsNoRule() {
        SameDiff sd = SameDiff.create();
        SplittableRandom random = new SplittableRandom(18);
        SDVariable w = sd.var("w", DenseMlp.gaussian(random, DT, 1.0, 2, 3));
        SDVariable k = sd.var("k", DenseMlp.gaussian(random, DT, 1.0, 2, 3));
        SDVariable constantFactor = sd.math().cosh(k);                                      // not downstream of w
        SDVariable detached = SpikeOps.stopGradient(sd.math().sin(w)); // zero tangent
        w.mul(constantFactor).add(detached).sum("loss");
        JvpCheck check = JvpCheck.run(sd, "loss", List.of("w"), Map.of(), ForwardModeTransform.standard(), 19);
        assertThat(check.relativeError()).isLessThan(TOLERANCE);
    }

    @Test
    void secondTransformNeedsItsOwnSuffix() {
        DenseMlp mlp = DenseMlp.build(DT, 20, 2, 3, 1);
        ForwardModeTransform.standard().apply(mlp.sd(), DenseMlp.LOSS, List.of("W1"));
        assertThatThrownBy(() -> ForwardModeTransform.standard().apply(mlp.sd(), DenseMlp.LOSS, List.of("W2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already exists");
        TangentGraph second = ForwardModeTransform.standard().withSuffix("-dot2")
                .apply(mlp.sd(), DenseMlp.LOSS, List.of("W2"));
        assertThat(second.directionInputs()).containsEntry("W2", "W2-dot2");
    }

    @Test
    void lossIndependentOfThePerturbedVariablesIsRejected() {
        SameDiff sd = SameDiff.create();
        SDVariable w = sd.var("w", DenseMlp.gaussian(new SplittableRandom(21), DT, 1.0, 3));
        SDVariable unused = sd.var("unused", DenseMlp.gaussian(new SplittableRandom(22), DT, 1.0, 3));
        w.sum("loss");
        assertThatThrownBy(() -> ForwardModeTransform.standard().apply(sd, "loss", List.of("unused")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not depend");
        assertThat(unused.getArr()).isNotNull();
    }

    static void report(String what, JvpCheck check) {
        System.out.printf("JVP identity, %s: dL=%.17g grad.v=%.17g relative error %.3g%n",
                what, check.forward(), check.reverse(), check.relativeError());
    }
}
