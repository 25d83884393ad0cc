package org.dl4jsnn.samediff.rfg;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.dl4jsnn.estimator.DirectionDistribution;
import org.dl4jsnn.estimator.NonFiniteGradientException;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.samediff.forward.TangentGraph;
import org.dl4jsnn.samediff.model.SpikingMlpGraph;
import org.dl4jsnn.samediff.model.SpikingMlpSpec;
import org.dl4jsnn.samediff.testing.DenseMlp;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.ops.transforms.Transforms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SameDiffRfgTrainerTest {

    private static final DataType DT = DataType.DOUBLE;

    /** E[g] = grad L: the error of a mean of n estimates falls like 1/sqrt(n), a factor 4 from 50 to 800. */
    @Test
    void averagedEstimatesConvergeToTheBackPropagatedGradient() {
        DenseMlp mlp = DenseMlp.build(DT, 41, 2, 5, 1);
        Map<String, INDArray> data = DenseMlp.data(DT, 42, 8, 2, 1);
        Map<String, INDArray> grad = mlp.sd().calculateGradients(data, mlp.parameters());
        SameDiffRfgTrainer trainer = SameDiffRfgTrainer.builder(mlp.sd(), DenseMlp.LOSS)
                .rfg(RfgSettings.global(43)).build();

        Map<String, INDArray> sum = new HashMap<>();
        double errorAt50 = 0;
        for (int n = 1; n <= 800; n++) {
            trainer.estimate(data, n).gradient().forEach((name, g) -> sum.merge(name, g.dup(), INDArray::addi));
            if (n == 50) {
                errorAt50 = relativeError(sum, n, grad);
            }
        }
        double errorAt800 = relativeError(sum, 800, grad);
        System.out.printf("RFG-G unbiasedness: relative error of the mean of 50 estimates %.4f, of 800 %.4f%n",
                errorAt50, errorAt800);
        assertThat(errorAt50 / errorAt800).isGreaterThan(2.0);
        assertThat(errorAt800).isLessThan(0.5);
        assertThat(trainer.iteration()).isZero();
    }

    @Test
    void layerWiseEstimatesAreUnbiasedToo() {
        DenseMlp mlp = DenseMlp.build(DT, 44, 2, 4, 1);
        Map<String, INDArray> data = DenseMlp.data(DT, 45, 8, 2, 1);
        Map<String, INDArray> grad = mlp.sd().calculateGradients(data, mlp.parameters());
        SameDiffRfgTrainer trainer = SameDiffRfgTrainer.builder(mlp.sd(), DenseMlp.LOSS)
                .parameterGroups(List.of(List.of("W1", "b1"), List.of("W2", "b2")))
                .rfg(RfgSettings.layerwise(46).withDirections(2).withDistribution(DirectionDistribution.GAUSSIAN))
                .build();
        assertThat(trainer.tangentGraphs()).hasSize(4);
        Map<String, INDArray> sum = new HashMap<>();
        int n = 300;
        for (int i = 0; i < n; i++) {
            GradientEstimate e = trainer.estimate(data, i);
            assertThat(e.directionalDerivatives()).hasSize(4);
            e.gradient().forEach((name, g) -> sum.merge(name, g.dup(), INDArray::addi));
        }
        assertThat(relativeError(sum, n, grad)).isLessThan(0.25);
    }

    /** Counts how often each op runs. */
    private static final class OpCounter extends BaseListener {
        final Map<String, Integer> runs = new HashMap<>();

        @Override
        public boolean isActive(Operation operation) {
            return true;
        }

        @Override
        public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext context,
                                INDArray[] outputs) {
            runs.merge(op.getName(), 1, Integer::sum);
        }
    }

    /**
     * K = 4 stacked directions cost one primal pass: in one estimate every op of the original graph runs
     * once, and each directional derivative equals that of a separate JVP, which reruns the primal ops.
     */
    @Test
    void stackedDirectionsShareOnePrimalPass() {
        SpikingMlpGraph net = SpikingMlpGraph.build(SpikingMlpSpec.builder(2, 1, 6).timeSteps(4)
                .dataType(DT).seed(55).build());
        SameDiff sd = net.sameDiff();
        Set<String> primalOps = new HashSet<>(sd.getOps().keySet());
        SameDiffRfgTrainer trainer = SameDiffRfgTrainer.builder(sd, net.loss()).parameterGroups(net.layerParameters())
                .spikes(net.spikes()).rfg(RfgSettings.global(56).withDirections(4)).build();
        assertThat(trainer.tangentGraphs()).hasSize(4);
        Map<String, INDArray> data = net.placeholders(DenseMlp.gaussian(new SplittableRandom(57), DT, 2.0,
                16, 2), DenseMlp.gaussian(new SplittableRandom(58), DT, 1.0, 16, 1));

        OpCounter stacked = new OpCounter();
        sd.setListeners(stacked);
        GradientEstimate estimate = trainer.estimate(data);
        Map<String, Integer> primalRuns = new HashMap<>(stacked.runs);
        primalRuns.keySet().retainAll(primalOps);
        assertThat(primalRuns).hasSize(primalOps.size());
        assertThat(primalRuns.values()).containsOnly(1);
        assertThat(stacked.runs.size()).as("tangent ops ran too").isGreaterThan(primalOps.size());
        long slopes = sd.getVariables().keySet().stream().filter(n -> n.endsWith("-surrogate-slope")).count();
        assertThat(slopes).as("the four tangent graphs share each spike's surrogate slope").isEqualTo(4);

        double[][] v = trainer.directions(0);
        OpCounter separate = new OpCounter();
        sd.setListeners(separate);
        for (int row = 0; row < 4; row++) {
            TangentGraph graph = trainer.tangentGraphs().get(row);
            Map<String, INDArray> direction = new HashMap<>();
            int offset = 0;
            for (String p : trainer.parameters()) {
                INDArray param = sd.getVariable(p).getArr();
                double[] values = Arrays.copyOfRange(v[row], offset, offset + (int) param.length());
                direction.put(p, Nd4j.create(values, param.shape(), DT));
                offset += (int) param.length();
            }
            double alone = graph.evaluate(data, direction).tangentScalar();
            assertThat(estimate.directionalDerivatives().get(row)).isCloseTo(alone, within(1e-12 * Math.abs(alone)));
        }
        String someSpikeOp = sd.getVariables().get(net.spikes().get(0).spike()).getOutputOfOp();
        assertThat(separate.runs.get(someSpikeOp)).as("four separate JVPs run the primal four times").isEqualTo(4);
        sd.setListeners();
    }

    @Test
    void trainingLowersTheLossOfASineRegression() {
        DenseMlp mlp = DenseMlp.build(DT, 51, 1, 8, 1);
        Map<String, INDArray> data = sine(64);
        SameDiffRfgTrainer trainer = SameDiffRfgTrainer.builder(mlp.sd(), DenseMlp.LOSS)
                .updater(new Adam(0.02)).rfg(RfgSettings.global(52)).build();
        double initial = loss(mlp.sd(), DenseMlp.LOSS, data);
        for (int i = 0; i < 400; i++) {
            trainer.step(data);
        }
        double fitted = loss(mlp.sd(), DenseMlp.LOSS, data);
        System.out.printf("RFG-G on sin(x), tanh 1-8-1: loss %.4f -> %.4f after 400 iterations%n", initial, fitted);
        assertThat(fitted).isLessThan(0.25 * initial);
        assertThat(trainer.iteration()).isEqualTo(400);
    }

    @Test
    void trainingLowersTheLossOfASpikingNetwork() {
        SpikingMlpGraph net = SpikingMlpGraph.build(SpikingMlpSpec.builder(1, 1, 8).timeSteps(4)
                .dataType(DT).seed(53).build());
        Map<String, INDArray> sine = sine(64);
        Map<String, INDArray> data = net.placeholders(sine.get("x"), sine.get("target"));
        SameDiffRfgTrainer trainer = SameDiffRfgTrainer.builder(net.sameDiff(), net.loss())
                .parameterGroups(net.layerParameters()).rfg(RfgSettings.layerwise(54))
                .spikes(net.spikes()).updater(new Adam(0.02)).build();
        double initial = loss(net.sameDiff(), net.loss(), data);
        for (int i = 0; i < 150; i++) {
            trainer.step(data);
        }
        double fitted = loss(net.sameDiff(), net.loss(), data);
        System.out.printf("RFG-L on sin(x), spiking 1-8-1 T=4: loss %.4f -> %.4f after 150 iterations%n", initial, fitted);
        assertThat(fitted).isLessThan(0.5 * initial);
    }

    @Test
    void sameSeedGivesTheSameTrajectory() {
        Map<String, double[]> first = trainBriefly(61);
        Map<String, double[]> second = trainBriefly(61);
        Map<String, double[]> other = trainBriefly(62);
        first.forEach((name, values) -> {
            assertThat(second.get(name)).as(name).containsExactly(values);
            assertThat(other.get(name)).as(name).isNotEqualTo(values);
        });
    }

    private static Map<String, double[]> trainBriefly(long seed) {
        DenseMlp mlp = DenseMlp.build(DT, 60, 1, 4, 1);
        SameDiffRfgTrainer trainer = SameDiffRfgTrainer.builder(mlp.sd(), DenseMlp.LOSS)
                .updater(new Adam(0.01)).rfg(RfgSettings.global(seed).withDirections(2)).build();
        Map<String, INDArray> data = sine(16);
        for (int i = 0; i < 15; i++) {
            trainer.step(data);
        }
        Map<String, double[]> params = new LinkedHashMap<>();
        mlp.parameters().forEach(p -> params.put(p, values(mlp.sd(), p)));
        return params;
    }

    @Test
    void sgdStepSubtractsTheLearningRateTimesTheEstimate() {
        DenseMlp mlp = DenseMlp.build(DT, 70, 2, 3, 1);
        Map<String, INDArray> data = DenseMlp.data(DT, 71, 4, 2, 1);
        SameDiffRfgTrainer trainer = SameDiffRfgTrainer.builder(mlp.sd(), DenseMlp.LOSS)
                .updater(new Sgd(0.1)).rfg(RfgSettings.global(72)).build();
        Map<String, INDArray> before = new HashMap<>();
        mlp.parameters().forEach(p -> before.put(p, mlp.sd().getVariable(p).getArr().dup()));
        GradientEstimate estimate = trainer.step(data);
        for (String p : mlp.parameters()) {
            INDArray expected = before.get(p).sub(estimate.gradient().get(p).mul(0.1));
            assertThat(mlp.sd().getVariable(p).getArr().equalsWithEps(expected, 1e-15)).as(p).isTrue();
        }
    }

    @Test
    void nonFiniteLossStopsNamingTheIterationAndLeavesParametersUnchanged() {
        DenseMlp mlp = DenseMlp.build(DT, 80, 1, 3, 1);
        Map<String, INDArray> data = sine(8);
        SameDiffRfgTrainer trainer = SameDiffRfgTrainer.builder(mlp.sd(), DenseMlp.LOSS)
                .rfg(RfgSettings.global(81)).build();
        trainer.step(data);
        trainer.step(data);
        Map<String, double[]> before = new HashMap<>();
        mlp.parameters().forEach(p -> before.put(p, values(mlp.sd(), p)));
        INDArray poisoned = data.get("x").dup();
        poisoned.putScalar(3, Double.NaN);
        Map<String, INDArray> bad = Map.of("x", poisoned, "target", data.get("target"));
        assertThatThrownBy(() -> trainer.step(bad))
                .isInstanceOf(NonFiniteGradientException.class)
                .hasMessageContaining("iteration 2:")
                .hasMessageContaining("NaN");
        mlp.parameters().forEach(p -> assertThat(values(mlp.sd(), p)).as(p).containsExactly(before.get(p)));
        assertThat(trainer.iteration()).isEqualTo(2);
    }

    @Test
    void rejectsInvalidConfiguration() {
        DenseMlp mlp = DenseMlp.build(DT, 90, 1, 3, 1);
        assertThatThrownBy(() -> SameDiffRfgTrainer.builder(mlp.sd(), DenseMlp.LOSS)
                .dataSetMapping(List.of("W1"), List.of("target")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a placeholder");
        assertThatThrownBy(() -> SameDiffRfgTrainer.builder(mlp.sd(), DenseMlp.LOSS)
                .parameterGroups(List.of(List.of("W1"), List.of("W1", "b1"))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one");
        assertThatThrownBy(() -> SameDiffRfgTrainer.builder(mlp.sd(), DenseMlp.LOSS)
                .parameterGroups(List.of(List.of("x"))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a trainable");
    }

    private static double relativeError(Map<String, INDArray> sum, int n, Map<String, INDArray> grad) {
        double err = 0;
        double norm = 0;
        for (var e : grad.entrySet()) {
            INDArray diff = sum.get(e.getKey()).div(n).sub(e.getValue());
            err += diff.mul(diff).sumNumber().doubleValue();
            norm += e.getValue().mul(e.getValue()).sumNumber().doubleValue();
        }
        return Math.sqrt(err / norm);
    }

    private static double[] values(SameDiff sd, String variable) {
        return sd.getVariable(variable).getArr().dup().data().asDouble();
    }

    private static double loss(SameDiff sd, String loss, Map<String, INDArray> data) {
        return sd.output(data, loss).get(loss).getDouble(0);
    }

    /** y = sin(x) at n points spread over [-pi, pi]. */
    static Map<String, INDArray> sine(int n) {
        INDArray x = Nd4j.linspace(-Math.PI, Math.PI, n, DT).reshape(n, 1);
        INDArray y = Transforms.sin(x, true);
        return Map.of("x", x, "target", y);
    }
}
