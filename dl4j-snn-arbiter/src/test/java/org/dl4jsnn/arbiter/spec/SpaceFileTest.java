package org.dl4jsnn.arbiter.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.util.LeafUtils;
import org.dl4jsnn.arbiter.candidate.DeepOnetCandidate;
import org.dl4jsnn.arbiter.candidate.SpikingMlpCandidate;
import org.dl4jsnn.arbiter.method.GradientMethod;
import org.dl4jsnn.arbiter.space.SpikingMlpSpace;
import org.junit.jupiter.api.Test;

class SpaceFileTest {

    /** Numbers the leaves as Arbiter's generators do. */
    private static int index(ParameterSpace<?> space) {
        int i = 0;
        for (ParameterSpace<?> leaf : LeafUtils.getUniqueObjects(space.collectLeaves())) {
            if (leaf.numParameters() == 1) {
                leaf.setIndices(i++);
            }
        }
        return i;
    }

    @Test
    void mexicanHatPresetSearchesMethodRateWidthAndTimeSteps() throws Exception {
        SpikingMlpSpace space = SpaceFile.preset("mexican-hat").mlpSpace(2, 1);
        int n = index(space);
        assertThat(n).isEqualTo(4);
        Random rng = new Random(1);
        Set<GradientMethod> methods = EnumSet.noneOf(GradientMethod.class);
        for (int draw = 0; draw < 100; draw++) {
            double[] p = rng.doubles(n).toArray();
            SpikingMlpCandidate c = space.getValue(p);
            methods.add(c.method().gradient());
            assertThat(c.method().learningRate()).isBetween(0.001, 0.03);
            assertThat(c.hidden()).hasSize(2).allMatch(l -> l.getNOut() == 16);
            assertThat(c.hidden().get(0).getTimeSteps()).isIn(8, 16, 32).isEqualTo(c.hidden().get(1).getTimeSteps());
            assertThat(c.hidden().get(0).getSurrogate().width()).isBetween(0.2, 1.0);
            assertThat(c.hidden().get(0).getBeta()).isEqualTo(1.0);
        }
        assertThat(methods).containsExactlyInAnyOrder(GradientMethod.values());
    }

    @Test
    void everyPresetBuildsForItsNetwork() throws Exception {
        assertThat(index(SpaceFile.preset("spiking-layer").mlpSpace(2, 1))).isEqualTo(13);
        ParameterSpace<DeepOnetCandidate> d = SpaceFile.preset("deeponet").deepOnetSpace(100);
        int n = index(d);
        DeepOnetCandidate c = d.getValue(new double[n]);
        assertThat(c.sensors()).isEqualTo(100);
        assertThat(c.surrogate().width()).isEqualTo(0.2);
        assertThat(c.method().learningRate()).isEqualTo(0.0005, within(1e-12));
        var sep = SpaceFile.preset("seponet").sepOnetSpace(101, 101, 101);
        double[] ones = new double[index(sep)];
        Arrays.fill(ones, 1.0);
        var top = sep.getValue(ones);
        assertThat(top.timeSteps()).isEqualTo(32);
        assertThat(top.surrogate().width()).isEqualTo(0.8);
        assertThat(top.rank()).isEqualTo(16);
        assertThat(top.method().gradient()).isEqualTo(GradientMethod.RFG_L);
        assertThatThrownBy(() -> SpaceFile.parse("{\"threshold\": 0.5}").sepOnetSpace(101, 101, 101))
                .hasMessageContaining("threshold");
    }

    @Test
    void integerRangesIncludeBothEnds() {
        SpikingMlpSpace space = SpaceFile.parse("{\"hiddenWidth\": {\"min\": 4, \"max\": 6}}").mlpSpace(2, 1);
        index(space);
        assertThat(space.getValue(new double[] {0.0}).hidden().get(0).getNOut()).isEqualTo(4);
        assertThat(space.getValue(new double[] {0.999}).hidden().get(0).getNOut()).isEqualTo(6);
    }

    @Test
    void badValuesAreRejectedNamingTheSettingAndItsRange() {
        assertThatThrownBy(() -> SpaceFile.parse("{\"beta\": 1.5}")).hasMessageContaining("beta")
                .hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> SpaceFile.parse("{\"timeSteps\": [8, 0]}")).hasMessageContaining("timeSteps")
                .hasMessageContaining("[1, 4096]");
        assertThatThrownBy(() -> SpaceFile.parse("{\"method\": [\"SGD\"]}")).hasMessageContaining("BP, RFG-G or RFG-L");
        assertThatThrownBy(() -> SpaceFile.parse("{\"lr\": 0.1}")).hasMessageContaining("unknown setting 'lr'")
                .hasMessageContaining("learningRate");
        assertThatThrownBy(() -> SpaceFile.parse("{\"learningRate\": {\"min\": 0.1, \"max\": 0.01}}"))
                .hasMessageContaining("min < max");
        assertThatThrownBy(() -> SpaceFile.parse("{\"surrogate\": {\"min\": 1, \"max\": 2}}"))
                .hasMessageContaining("not a range");
        assertThatThrownBy(() -> SpaceFile.parse("[1]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> SpaceFile.parse("{\"latent\": 8}").mlpSpace(2, 1)).hasMessageContaining("latent");
    }
}
