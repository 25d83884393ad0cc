package org.dl4jsnn.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.estimator.DirectionDistribution;
import org.dl4jsnn.estimator.ForwardGradientEstimator;
import org.dl4jsnn.estimator.Perturbation;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.forward.ForwardGraph;
import org.dl4jsnn.forward.ForwardSweep;
import org.dl4jsnn.forward.Value;
import org.dl4jsnn.layer.NdArrays;
import org.dl4jsnn.surrogate.Surrogate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

class OperatorNetworksTest {

    private static ComputationGraph net(ComputationGraphConfiguration conf) {
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        return g;
    }

    private static INDArray uniform(long seed, DataType type, long... shape) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.DOUBLE, shape).muli(2).subi(1).castTo(type);
    }

    /** max_k |Ldot_k - grad.v_k| / |grad.v_k| for the network's current inputs and labels. */
    private static double identityError(ComputationGraph g, INDArray[] inputs, INDArray[] labels, Perturbation p) {
        g.setInputs(inputs);
        g.setLabels(labels);
        g.computeGradientAndScore();
        double[] grad = NdArrays.toDoubles(g.gradient().gradient());
        double[] params = NdArrays.toDoubles(g.params());
        ForwardGraph graph = ForwardGraph.of(g);
        ForwardGradientEstimator.Directions dirs = new ForwardGradientEstimator(
                new RfgSettings(p, 2, DirectionDistribution.GAUSSIAN, 3)).directions(graph, params.length, 0);
        List<Value> in = new ArrayList<>();
        for (INDArray x : inputs) {
            in.add(Value.constant((int) x.size(0), (int) x.size(1), NdArrays.toDoubles(x), dirs.vectors().length));
        }
        List<double[]> lab = new ArrayList<>();
        for (INDArray y : labels) {
            lab.add(NdArrays.toDoubles(y));
        }
        ForwardSweep.Result r = ForwardSweep.run(graph, params, dirs.vectors(), dirs.segment(), in, lab,
                g.getConfiguration().getDefaultConfiguration().getSeed(), 0);
        double worst = 0;
        for (int k = 0; k < dirs.vectors().length; k++) {
            double exact = 0;
            for (int e = 0; e < params.length; e++) {
                exact += grad[e] * dirs.vectors()[k][e];
            }
            assertThat(Math.abs(exact)).isGreaterThan(1e-9);
            worst = Math.max(worst, Math.abs(r.lossTangents()[k] - exact) / Math.abs(exact));
        }
        return worst;
    }

    @ParameterizedTest
    @EnumSource(value = Perturbation.class, names = {"GLOBAL", "LAYERWISE"})
    void deepOnetForwardModeMatchesBackprop(Perturbation p) {
        for (Surrogate s : new Surrogate[] {Surrogate.gaussian(0.3), Surrogate.stein(0.3, 8)}) {
            ComputationGraph g = net(SpikingDeepOnet.builder().sensors(7).hidden(6).latent(4).timeSteps(5)
                    .surrogate(s).localLosses(true).updater(new NoOp()).dataType(DataType.DOUBLE).build());
            INDArray y = uniform(3, DataType.DOUBLE, 5, 1);
            double err = identityError(g, new INDArray[] {uniform(1, DataType.DOUBLE, 5, 7).muli(3),
                    uniform(2, DataType.DOUBLE, 5, 1).addi(1)}, new INDArray[] {y, y}, p);
            assertThat(err).as(s.toString()).isLessThan(1e-9);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Perturbation.class, names = {"GLOBAL", "LAYERWISE"})
    void sepOnetForwardModeMatchesBackprop(Perturbation p) {
        ComputationGraph g = net(SpikingSepOnet.builder().sensors(6).hidden(5).rank(3).timeSteps(5).grid(4, 3)
                .updater(new NoOp()).dataType(DataType.DOUBLE).build());
        INDArray[] in = {uniform(1, DataType.DOUBLE, 2, 6).muli(3), uniform(2, DataType.DOUBLE, 4, 1).addi(1),
            uniform(3, DataType.DOUBLE, 3, 1).addi(1)};
        assertThat(identityError(g, in, new INDArray[] {uniform(4, DataType.DOUBLE, 2, 12)}, p)).isLessThan(1e-9);
    }

    @Test
    void sepOnetGridEqualsPointByPointEvaluation() {
        int nx = 5;
        int nt = 4;
        ComputationGraph grid = net(SpikingSepOnet.builder().sensors(6).hidden(8).rank(3).timeSteps(6).grid(nx, nt)
                .dataType(DataType.DOUBLE).build());
        ComputationGraph point = net(SpikingSepOnet.builder().sensors(6).hidden(8).rank(3).timeSteps(6).grid(1, 1)
                .dataType(DataType.DOUBLE).build());
        point.setParams(grid.params());
        INDArray f = uniform(1, DataType.DOUBLE, 3, 6).muli(4);
        INDArray x = Nd4j.linspace(0, 1, nx, DataType.DOUBLE).reshape(nx, 1);
        INDArray t = Nd4j.linspace(0, 1, nt, DataType.DOUBLE).reshape(nt, 1);
        INDArray all = grid.outputSingle(f, x, t);
        assertThat(all.shape()).containsExactly(3, nx * nt);
        assertThat(all.norm2Number().doubleValue()).isPositive();
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < nt; j++) {
                INDArray one = point.outputSingle(f, x.getRow(i).reshape(1, 1), t.getRow(j).reshape(1, 1));
                for (int b = 0; b < 3; b++) {
                    assertThat(all.getDouble(b, i * nt + j)).isCloseTo(one.getDouble(b, 0),
                            Offset.offset(1e-12));
                }
            }
        }
    }

    @Test
    void bothSerializeAsJson() {
        ComputationGraphConfiguration deep = SpikingDeepOnet.builder().localLosses(true).build();
        assertThat(ComputationGraphConfiguration.fromJson(deep.toJson())).isEqualTo(deep);
        ComputationGraphConfiguration sep = SpikingSepOnet.builder().grid(11, 7).build();
        assertThat(ComputationGraphConfiguration.fromJson(sep.toJson())).isEqualTo(sep);
    }

    @Test
    void bothSurviveModelSerializer(@TempDir Path dir) throws Exception {
        ComputationGraph deep = net(SpikingDeepOnet.builder().sensors(5).hidden(4).latent(3).timeSteps(4).build());
        ComputationGraph sep = net(SpikingSepOnet.builder().sensors(5).hidden(4).rank(3).timeSteps(4).grid(3, 2)
                .build());
        INDArray[][] inputs = {
            {uniform(1, DataType.FLOAT, 2, 5), uniform(2, DataType.FLOAT, 2, 1)},
            {uniform(1, DataType.FLOAT, 2, 5), uniform(2, DataType.FLOAT, 3, 1), uniform(3, DataType.FLOAT, 2, 1)}};
        ComputationGraph[] nets = {deep, sep};
        for (int n = 0; n < 2; n++) {
            File file = dir.resolve("net" + n + ".zip").toFile();
            ModelSerializer.writeModel(nets[n], file, true);
            ComputationGraph back = ModelSerializer.restoreComputationGraph(file, true);
            assertThat(back.getConfiguration()).isEqualTo(nets[n].getConfiguration());
            assertThat(back.outputSingle(inputs[n])).isEqualTo(nets[n].outputSingle(inputs[n]));
        }
    }

    @Test
    void badSizesAreRejectedNamingTheParameter() {
        assertThatThrownBy(() -> SpikingDeepOnet.builder().latent(0)).hasMessageContaining("latent size p must be >= 1");
        assertThatThrownBy(() -> SpikingSepOnet.builder().grid(0, 3)).hasMessageContaining("grid size nx");
        assertThatThrownBy(() -> SpikingDeepOnet.builder().seed(0)).hasMessageContaining("seed must not be 0");
        assertThatThrownBy(() -> SpikingDeepOnet.builder().sensors(100).requireSensors(50))
                .hasMessageContaining("50 sensors").hasMessageContaining("sensors m=100");
        assertThatThrownBy(() -> SpikingSepOnet.builder().seed(0)).hasMessageContaining("seed must not be 0");
        assertThatThrownBy(() -> SpikingSepOnet.builder().threshold(0)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> SpikingSepOnet.builder().timeSteps(0)).hasMessageContaining("timeSteps T must be >= 1");
    }

    @Test
    void bothOperatorsGiveEverySpikingLayerTheNeuronSettings() {
        Surrogate wide = Surrogate.gaussian(0.7);
        List<ComputationGraphConfiguration> confs = List.of(
                SpikingDeepOnet.builder().sensors(5).hidden(4).latent(3).timeSteps(6).threshold(0.8).surrogate(wide)
                        .resetDifferentiated(true).build(),
                SpikingSepOnet.builder().sensors(5).hidden(4).rank(3).grid(2, 2).timeSteps(6).threshold(0.8)
                        .surrogate(wide).resetDifferentiated(true).build());
        for (ComputationGraphConfiguration conf : confs) {
            List<SpikingDense> spiking = new ArrayList<>();
            conf.getVertices().values().forEach(v -> {
                if (v instanceof LayerVertex lv && lv.getLayerConf().getLayer() instanceof SpikingDense s) {
                    spiking.add(s);
                }
            });
            assertThat(spiking).isNotEmpty().allSatisfy(s -> {
                assertThat(s.getTimeSteps()).isEqualTo(6);
                assertThat(s.getThreshold()).isEqualTo(0.8);
                assertThat(s.getSurrogate()).isEqualTo(wide);
                assertThat(s.isResetDifferentiated()).isTrue();
            });
        }
    }
}
