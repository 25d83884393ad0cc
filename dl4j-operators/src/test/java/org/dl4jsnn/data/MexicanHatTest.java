package org.dl4jsnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class MexicanHatTest {

    @Test
    void functionHasItsKnownShape() {
        assertThat(MexicanHat.value(0, 0)).isEqualTo(1.0);
        assertThat(MexicanHat.value(1, 0)).isCloseTo(0.0, Offset.offset(1e-15));
        assertThat(MexicanHat.value(0.6, 0.8)).isCloseTo(0.0, Offset.offset(1e-15));
        // Minimum of (1 - s) e^{-s/2} over s = r^2 is at s = 3: -2 e^{-3/2}.
        assertThat(MexicanHat.value(Math.sqrt(3), 0)).isCloseTo(-2 * Math.exp(-1.5), Offset.offset(1e-15));
        assertThat(MexicanHat.value(2, -1)).isEqualTo(MexicanHat.value(-1, 2));
    }

    @Test
    void defaultSetsHaveTheTaskSizesAndContents() {
        MexicanHat hat = MexicanHat.generate(MexicanHat.Config.defaults());
        PointSamples train = hat.train();
        PointSamples test = hat.test();
        assertThat(train.size()).isEqualTo(10_000);
        assertThat(test.size()).isEqualTo(100 * 100);
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        for (int s = 0; s < train.size(); s++) {
            for (int k = 0; k < 2; k++) {
                assertThat(train.input(s, k)).isBetween(-3.0, 3.0);
                minX = Math.min(minX, train.input(s, k));
                maxX = Math.max(maxX, train.input(s, k));
            }
            assertThat(train.target(s)).isEqualTo(MexicanHat.value(train.input(s, 0), train.input(s, 1)));
        }
        // 20,000 uniform coordinates: the extremes come within 0.01 of the ends unless sampling is broken.
        assertThat(minX).isLessThan(-2.99);
        assertThat(maxX).isGreaterThan(2.99);
        // Row-major grid: point i * 100 + j is (x_i, y_j) with x_i = -3 + 6 i / 99.
        assertThat(test.input(0, 0)).isEqualTo(-3.0);
        assertThat(test.input(0, 1)).isEqualTo(-3.0);
        assertThat(test.input(1, 1)).isCloseTo(-3 + 6.0 / 99, Offset.offset(1e-15));
        assertThat(test.input(1, 0)).isEqualTo(-3.0);
        assertThat(test.input(100, 0)).isCloseTo(-3 + 6.0 / 99, Offset.offset(1e-15));
        assertThat(test.input(9999, 0)).isEqualTo(3.0);
        assertThat(test.input(9999, 1)).isEqualTo(3.0);
        assertThat(test.target(57 * 100 + 13)).isEqualTo(MexicanHat.value(test.input(5713, 0), test.input(5713, 1)));
    }

    @Test
    void seedDeterminesTheTrainingPoints() {
        MexicanHat.Config c = MexicanHat.Config.defaults().withSizes(50, 3);
        assertThat(MexicanHat.generate(c).train().inputs()).isDeepEqualTo(MexicanHat.generate(c).train().inputs());
        assertThat(MexicanHat.generate(c.withSeed(43)).train().inputs()[0])
                .isNotEqualTo(MexicanHat.generate(c).train().inputs()[0]);
    }

    @Test
    void rejectsBadConfiguration() {
        assertThatThrownBy(() -> new MexicanHat.Config(0, 100, -3, 3, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("trainSize must be > 0, got 0");
        assertThatThrownBy(() -> new MexicanHat.Config(10, 1, -3, 3, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("testGridSize must be >= 2, got 1");
        assertThatThrownBy(() -> new MexicanHat.Config(10, 10, 3, -3, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("low must be < high");
    }
}
