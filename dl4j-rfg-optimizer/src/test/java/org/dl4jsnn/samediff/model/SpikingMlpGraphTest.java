package org.dl4jsnn.samediff.model;

import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.ResetMode;
import org.dl4jsnn.samediff.forward.ForwardModeTransform;
import org.dl4jsnn.surrogate.Surrogate;
import org.dl4jsnn.samediff.forward.JvpCheck;
import org.dl4jsnn.samediff.testing.DenseMlp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Percentage.withPercentage;

class SpikingMlpGraphTest {

    private static SpikingMlpSpec spec(double beta, ResetMode reset, boolean detach) {
        return SpikingMlpSpec.builder(3, 2, 6, 5).timeSteps(5)
                .neuron(new IntegrateAndFireNeuron(1.0, beta, reset, !detach, Surrogate.gaussian(0.5), false))
                .dataType(DataType.DOUBLE).seed(31).build();
    }

    private static Map<String, INDArray> data(SpikingMlpGraph net) {
        SplittableRandom random = new SplittableRandom(32);
        return net.placeholders(DenseMlp.gaussian(random, DataType.DOUBLE, 1.0, 8, 3),
                DenseMlp.gaussian(random, DataType.DOUBLE, 1.0, 8, 2));
    }

    /**
     * The central identity of docs/design.md section 3, for each neuron and reset variant, with the spikes
     * differentiated by their recorded surrogate rule and, independently, through the erf chain.
     */
    @ParameterizedTest(name = "beta={0} reset={1} detached={2}")
    @CsvSource({"1.0,SUBTRACT,false", "1.0,SUBTRACT,true", "0.8,SUBTRACT,false", "0.8,SUBTRACT,true",
            "1.0,ZERO,false", "0.8,ZERO,true"})
    void forwardModeMatchesBackPropagation(double beta, ResetMode reset, boolean detach) {
        double[] viaRule = new double[2];
        for (boolean recorded : new boolean[]{true, false}) {
            SpikingMlpGraph net = SpikingMlpGraph.build(spec(beta, reset, detach));
            ForwardModeTransform transform = recorded
                    ? ForwardModeTransform.standard().withSpikes(net.spikes()) : ForwardModeTransform.standard();
            JvpCheck check = JvpCheck.run(net.sameDiff(), net.loss(), net.parameters(), data(net), transform, 33);
            System.out.printf("JVP identity, spiking MLP beta=%s reset=%s detached=%s surrogateRule=%s: dL=%.17g"
                            + " grad.v=%.17g relative error %.3g%n", beta, reset, detach, recorded,
                    check.forward(), check.reverse(), check.relativeError());
            assertThat(check.relativeError()).isLessThan(1e-9);
            assertThat(check.lossAfter()).isEqualTo(check.lossBefore());
            viaRule[recorded ? 0 : 1] = check.forward();
        }
        assertThat(Math.abs(viaRule[0] - viaRule[1])).isLessThan(1e-12 * Math.abs(viaRule[0]));
    }

    /** Single precision, as used for training: the identity holds to float rounding. */
    @Test
    void forwardModeMatchesBackPropagationInFloat() {
        SpikingMlpGraph net = SpikingMlpGraph.build(SpikingMlpSpec.builder(3, 2, 6, 5).timeSteps(5)
                .dataType(DataType.FLOAT).seed(35).build());
        SplittableRandom random = new SplittableRandom(36);
        Map<String, INDArray> data = net.placeholders(DenseMlp.gaussian(random, DataType.FLOAT, 1.0, 8, 3),
                DenseMlp.gaussian(random, DataType.FLOAT, 1.0, 8, 2));
        JvpCheck check = JvpCheck.run(net.sameDiff(), net.loss(), net.parameters(), data,
                ForwardModeTransform.standard().withSpikes(net.spikes()), 37);
        System.out.printf("JVP identity, spiking MLP in FLOAT: relative error %.3g%n", check.relativeError());
        assertThat(check.relativeError()).isLessThan(1e-5);
    }

    @Test
    void detachingTheResetChangesTheGradient() {
        double[] dl = new double[2];
        for (int i = 0; i < 2; i++) {
            SpikingMlpGraph net = SpikingMlpGraph.build(spec(1.0, ResetMode.SUBTRACT, i == 1));
            dl[i] = JvpCheck.run(net.sameDiff(), net.loss(), net.parameters(), data(net),
                    ForwardModeTransform.standard().withSpikes(net.spikes()), 34).forward();
        }
        assertThat(dl[0]).isNotCloseTo(dl[1], withPercentage(1));
    }

    @Test
    void spikesAreBinaryAndTheNetworkIsNeitherSilentNorSaturated() {
        SpikingMlpGraph net = SpikingMlpGraph.build(spec(1.0, ResetMode.SUBTRACT, false));
        List<String> spikeNames = new ArrayList<>();
        net.layerSpikes().forEach(spikeNames::addAll);
        Map<String, INDArray> out = net.sameDiff().output(data(net), spikeNames);
        double total = 0;
        long count = 0;
        for (INDArray s : out.values()) {
            assertThat(s.dup().data().asDouble()).containsOnly(0.0, 1.0);
            total += s.sumNumber().doubleValue();
            count += s.length();
        }
        assertThat(net.spikes()).hasSize(spikeNames.size()).hasSize(2 * 5);
        assertThat(total / count).isBetween(0.1, 0.9);
    }

    @Test
    void specRejectsBadSettings() {
        assertThatThrownBy(() -> SpikingMlpSpec.builder(2, 1, 4).timeSteps(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeSteps");
        assertThatThrownBy(() -> SpikingMlpSpec.builder(2, 1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spiking layer");
        assertThatThrownBy(() -> SpikingMlpSpec.builder(2, 1, 4).dataType(DataType.INT).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("floating-point");
    }
}
