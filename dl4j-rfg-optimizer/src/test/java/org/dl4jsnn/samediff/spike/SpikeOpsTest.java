package org.dl4jsnn.samediff.spike;

import org.dl4jsnn.samediff.forward.ForwardModeTransform;
import org.dl4jsnn.samediff.forward.TangentGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SpikeOpsTest {

    private static final double[] Z = {-2.0, -1e-300, -0.0, 0.0, 1e-300, 1e-12, 0.3, 0.49, 2.0, 40.0};

    @Test
    void spikeIsExactlyHeavisideWithStrictThreshold() {
        for (DataType dt : List.of(DataType.DOUBLE, DataType.FLOAT)) {
            SameDiff sd = SameDiff.create();
            SDVariable z = sd.var("z", Nd4j.createFromArray(Z).castTo(dt));
            new SpikeOps(sd).spike("s", z, 0.5);
            double[] s = sd.output(Map.of(), "s").get("s").castTo(DataType.DOUBLE).toDoubleVector();
            double[] expected = new double[Z.length];
            for (int i = 0; i < Z.length; i++) {
                double zi = dt == DataType.FLOAT ? (float) Z[i] : Z[i];   // 1e-300 underflows to 0 in float
                expected[i] = zi > 0 ? 1.0 : 0.0;
            }
            assertThat(s).as("spikes in %s", dt).containsExactly(expected);
        }
    }

    @Test
    void reverseModeUsesTheGaussianSurrogate() {
        SameDiff sd = SameDiff.create();
        SDVariable z = sd.var("z", Nd4j.createFromArray(Z));
        SpikeOps spikes = new SpikeOps(sd);
        spikes.spike(z, 0.3).sum("loss");
        INDArray grad = sd.calculateGradients(Map.of(), "z").get("z");
        SpikeSite site = spikes.sites().get(0);
        for (int i = 0; i < Z.length; i++) {
            assertThat(grad.getDouble(i)).isCloseTo(site.surrogateDerivative(Z[i]), within(1e-15));
        }
        assertThat(grad.getDouble(3)).isCloseTo(1 / (Math.sqrt(2 * Math.PI) * 0.3), within(1e-12));
    }

    @Test
    void forwardModeAppliesTheSurrogateRuleAndAgreesWithTheErfChain() {
        double[] viaRule = forwardTangent(true);
        double[] viaChain = forwardTangent(false);
        SpikeSite site = new SpikeSite("s", "z", 0.3);
        for (int i = 0; i < Z.length; i++) {
            double expected = site.surrogateDerivative(Z[i]) * (i + 1);
            assertThat(viaRule[i]).isCloseTo(expected, within(1e-14));
            assertThat(viaChain[i]).isCloseTo(expected, within(1e-14));
        }
    }

    private static double[] forwardTangent(boolean useRecordedSpikes) {
        SameDiff sd = SameDiff.create();
        SDVariable z = sd.var("z", Nd4j.createFromArray(Z));
        SpikeOps spikes = new SpikeOps(sd);
        spikes.spike("s", z, 0.3).sum("loss");
        ForwardModeTransform transform = ForwardModeTransform.standard();
        if (useRecordedSpikes) {
            transform = transform.withSpikes(spikes.sites());
        }
        TangentGraph graph = transform.apply(sd, "loss", List.of("z"));
        INDArray direction = Nd4j.linspace(1, Z.length, Z.length, DataType.DOUBLE);
        Map<String, INDArray> feed = graph.feed(Map.of(), Map.of("z", direction));
        String spikeTangent = graph.tangents().get("s");
        return sd.output(feed, spikeTangent).get(spikeTangent).toDoubleVector();
    }

    /** The bare-step spike: the same values, one op, the same forward-mode tangent by its recorded rule. */
    @Test
    void forwardOnlySpikesAreHeavisideAndCarryTheSurrogateTangent() {
        SameDiff sd = SameDiff.create();
        SDVariable z = sd.var("z", Nd4j.createFromArray(Z));
        SpikeOps spikes = SpikeOps.forwardOnly(sd);
        int before = sd.getOps().size();
        spikes.spike("s", z, 0.3).sum("loss");
        assertThat(sd.getOps().size() - before).as("the spike and the sum").isEqualTo(2);
        TangentGraph graph = ForwardModeTransform.standard().withSpikes(spikes.sites()).apply(sd, "loss", List.of("z"));
        INDArray direction = Nd4j.linspace(1, Z.length, Z.length, DataType.DOUBLE);
        Map<String, INDArray> out = sd.output(graph.feed(Map.of(), Map.of("z", direction)), "s",
                graph.tangents().get("s"));
        double[] s = out.get("s").toDoubleVector();
        double[] ds = out.get(graph.tangents().get("s")).toDoubleVector();
        SpikeSite site = spikes.sites().get(0);
        for (int i = 0; i < Z.length; i++) {
            assertThat(s[i]).isEqualTo(Z[i] > 0 ? 1.0 : 0.0);
            assertThat(ds[i]).isCloseTo(site.surrogateDerivative(Z[i]) * (i + 1), within(1e-14));
        }
    }

    @Test
    void recordsEachSpikeAndValidatesTheWidth() {
        SameDiff sd = SameDiff.create();
        SDVariable z = sd.var("z", Nd4j.createFromArray(1.0, 2.0));
        SpikeOps spikes = new SpikeOps(sd);
        SDVariable a = spikes.spike(z, 0.5);
        SDVariable doubled = z.mul(2.0);
        spikes.spike("b", doubled, 0.25);
        assertThat(spikes.sites()).containsExactly(new SpikeSite(a.name(), "z", 0.5),
                new SpikeSite("b", doubled.name(), 0.25));
        assertThatThrownBy(() -> spikes.spike(z, 0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width");
        assertThatThrownBy(() -> spikes.spike(SameDiff.create().var("q", Nd4j.ones(2)), 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another SameDiff");
    }
}
