package org.dl4jsnn.arbiter.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.deeplearning4j.arbiter.optimize.parameter.FixedValue;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;
import org.deeplearning4j.arbiter.optimize.serde.jackson.JsonMapper;
import org.deeplearning4j.arbiter.util.LeafUtils;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.neuron.ResetMode;
import org.dl4jsnn.surrogate.SteinSurrogate;
import org.junit.jupiter.api.Test;

class SpikingDenseLayerSpaceTest {

    /** Every setting searched: 9 leaves with one parameter each (nOut included). */
    static SpikingDenseLayerSpace everything() {
        SpikingDenseLayerSpace space = new SpikingDenseLayerSpace.Builder()
                .nOut(new DiscreteParameterSpace<>(8, 16))
                .timeSteps(new DiscreteParameterSpace<>(8, 16, 32))
                .threshold(new ContinuousParameterSpace(0.5, 1.5))
                .beta(new ContinuousParameterSpace(0.8, 1.0))
                .surrogate(new DiscreteParameterSpace<>(SurrogateKind.values()))
                .surrogateWidth(new ContinuousParameterSpace(0.2, 1.0))
                .wsgSamples(new DiscreteParameterSpace<>(4, 16))
                .resetMode(new DiscreteParameterSpace<>(ResetMode.values()))
                .resetDifferentiated(new DiscreteParameterSpace<>(false, true))
                .build();
        int i = 0;
        for (var leaf : LeafUtils.getUniqueObjects(space.collectLeaves())) {
            if (leaf.numParameters() == 1) {
                leaf.setIndices(i++);
            }
        }
        return space;
    }

    @Test
    void countsOneParameterPerSearchedSetting() {
        assertThat(everything().numParameters()).isEqualTo(9);
        // fixed values are leaves without parameters
        assertThat(new SpikingDenseLayerSpace.Builder().nOut(new FixedValue<>(16)).build().numParameters()).isZero();
    }

    @Test
    void everyDrawIsAValidLayerWithinTheRanges() {
        SpikingDenseLayerSpace space = everything();
        Random rng = new Random(3);
        boolean sawWsg = false;
        boolean sawZeroReset = false;
        for (int draw = 0; draw < 200; draw++) {
            double[] point = new double[9];
            for (int i = 0; i < point.length; i++) {
                point[i] = rng.nextDouble();
            }
            SpikingDense layer = space.getValue(point);
            assertThat(layer.getNOut()).isIn(8L, 16L);
            assertThat(layer.getTimeSteps()).isIn(8, 16, 32);
            assertThat(layer.getThreshold()).isBetween(0.5, 1.5);
            assertThat(layer.getBeta()).isBetween(0.8, 1.0);
            assertThat(layer.getSurrogate().width()).isBetween(0.2, 1.0);
            if (layer.getSurrogate() instanceof SteinSurrogate w) {
                assertThat(w.samples()).isIn(4, 16);
                sawWsg = true;
            }
            sawZeroReset |= layer.getResetMode() == ResetMode.ZERO;
            layer.validate();
        }
        assertThat(sawWsg).isTrue();
        assertThat(sawZeroReset).isTrue();
    }

    @Test
    void pointZeroAndOneReachTheEndsOfEachRange() {
        SpikingDenseLayerSpace space = everything();
        SpikingDense low = space.getValue(new double[9]);
        double[] ones = new double[9];
        Arrays.fill(ones, 1.0);
        SpikingDense high = space.getValue(ones);
        assertThat(low.getThreshold()).isEqualTo(0.5);
        assertThat(high.getThreshold()).isEqualTo(1.5);
        assertThat(low.getSurrogate().width()).isEqualTo(0.2);
        assertThat(high.getSurrogate().width()).isEqualTo(1.0);
        assertThat(low.getTimeSteps()).isEqualTo(8);
        assertThat(high.getTimeSteps()).isEqualTo(32);
    }

    @Test
    void aDrawOutsideTheLayersRangeFailsNamingTheSetting() {
        SpikingDenseLayerSpace space = new SpikingDenseLayerSpace.Builder().nOut(new FixedValue<>(4))
                .beta(new FixedValue<>(1.5)).build();
        assertThatThrownBy(() -> space.getValue(new double[0])).hasMessageContaining("beta");
    }

    @Test
    void survivesArbitersJsonRoundTrip() throws Exception {
        SpikingDenseLayerSpace space = everything();
        String json = JsonMapper.getMapper().writeValueAsString(space);
        SpikingDenseLayerSpace back = JsonMapper.getMapper().readValue(json, SpikingDenseLayerSpace.class);
        double[] point = {0.1, 0.9, 0.3, 0.7, 0.8, 0.25, 0.6, 0.9, 0.4};
        assertThat(back.numParameters()).isEqualTo(9);
        assertThat(back.getValue(point)).isEqualTo(space.getValue(point));
    }
}
