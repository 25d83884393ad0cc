package org.dl4jsnn.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.shade.jackson.databind.ObjectMapper;

class SurrogateTest {

    @Test
    void gaussianIsTheDensityOfWidthS() {
        Surrogate sg = Surrogate.gaussian(0.3);
        assertThat(sg.derivative(0, 0, 0)).isCloseTo(1 / (Math.sqrt(2 * Math.PI) * 0.3), within(1e-14));
        assertThat(sg.derivative(0.3, 0, 0)).isCloseTo(Math.exp(-0.5) / (Math.sqrt(2 * Math.PI) * 0.3), within(1e-14));
        assertThat(sg.derivative(0.2, 5, 9)).isEqualTo(sg.derivative(-0.2, 1, 2));
    }

    /** Stein's lemma: E[H(z + e) e] / s^2 = g(z); the mean of many estimates must fall within 3 SE. */
    @ParameterizedTest
    @ValueSource(doubles = {-0.9, -0.3, 0.0, 0.1, 0.45, 1.2})
    void steinEstimatorIsUnbiasedForTheGaussian(double z) {
        double s = 0.5;
        Surrogate wsg = Surrogate.stein(s, 16);
        double target = Surrogate.gaussian(s).derivative(z, 0, 0);
        int draws = 40_000;
        double sum = 0;
        double sumSq = 0;
        for (int k = 0; k < draws; k++) {
            double d = wsg.derivative(z, 1234L, k);
            sum += d;
            sumSq += d * d;
        }
        double mean = sum / draws;
        double se = Math.sqrt((sumSq / draws - mean * mean) / draws);
        assertThat(se).isPositive();
        assertThat(Math.abs(mean - target)).isLessThan(3 * se);
    }

    @Test
    void sameSeedAndElementGiveTheSameDraws() {
        Surrogate wsg = Surrogate.stein(0.5, 16);
        assertThat(wsg.derivative(0.1, 77L, 12345L)).isEqualTo(wsg.derivative(0.1, 77L, 12345L));
        int differ = 0;
        for (long e = 0; e < 100; e++) {
            if (wsg.derivative(0.1, 77L, e) != wsg.derivative(0.1, 78L, e)) {
                differ++;
            }
        }
        assertThat(differ).isGreaterThan(90);
    }

    @Test
    void counterNoiseIsStandardNormal() {
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        int below = 0;
        for (int k = 0; k < n; k++) {
            double x = CounterNoise.normal(99L, k);
            sum += x;
            sumSq += x * x;
            if (x < -1.0) {
                below++;
            }
        }
        assertThat(sum / n).isCloseTo(0, within(4 / Math.sqrt(n)));
        assertThat(sumSq / n).isCloseTo(1, within(4 * Math.sqrt(2.0 / n)));
        double p = Gaussians.cdf(-1.0);
        assertThat(below / (double) n).isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / n)));
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> Surrogate.gaussian(0)).hasMessageContaining("width s").hasMessageContaining("> 0");
        assertThatThrownBy(() -> Surrogate.gaussian(Double.NaN)).hasMessageContaining("width s");
        assertThatThrownBy(() -> Surrogate.stein(-1, 16)).hasMessageContaining("width s");
        assertThatThrownBy(() -> Surrogate.stein(0.5, 0)).hasMessageContaining("samples N").hasMessageContaining(">= 1");
    }

    @Test
    void jsonRoundTripKeepsTheValue() throws Exception {
        ObjectMapper mapper = NeuralNetConfiguration.mapper();
        for (Surrogate s : new Surrogate[] {Surrogate.gaussian(0.3), Surrogate.stein(0.5, 8)}) {
            String json = mapper.writeValueAsString(s);
            assertThat(mapper.readValue(json, Surrogate.class)).isEqualTo(s);
        }
        assertThat(mapper.writeValueAsString(Surrogate.stein(0.5, 8))).contains("\"WSG\"");
    }
}
