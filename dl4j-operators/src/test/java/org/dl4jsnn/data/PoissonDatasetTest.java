package org.dl4jsnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class PoissonDatasetTest {

    private static final PoissonDataset.Config SMALL = PoissonDataset.Config.defaults().withSensors(50).withSizes(30, 10);

    @Test
    void shapesGridAndBoundaryValues() {
        PoissonDataset data = PoissonDataset.generate(SMALL);
        OperatorSamples train = data.train();
        assertThat(train.functionCount()).isEqualTo(30);
        assertThat(data.test().functionCount()).isEqualTo(10);
        assertThat(train.sensorCount()).isEqualTo(50);
        assertThat(train.points()).containsExactly(train.sensors());
        assertThat(train.sensors()[0]).isEqualTo(0.0);
        assertThat(train.sensors()[49]).isEqualTo(1.0);
        assertThat(train.sensors()[7]).isEqualTo(7.0 / 49);
        for (int s = 0; s < 30; s++) {
            assertThat(train.value(s, 0)).isZero();
            assertThat(train.value(s, 49)).isZero();
        }
    }

    @Test
    void solutionsSatisfyTheEquationAtTheSensors() {
        // The second difference of u at sensor spacing H approximates u'' = -f with error H^2/12 |f''|. For a
        // unit-variance RBF field with length scale 0.2, f'' has standard deviation sqrt(3)/0.2^2 ~ 43, so
        // |f''| < 250 (about 6 sigma) and the error stays below (1/49)^2 / 12 * 250 ~ 0.009; 0.02 leaves
        // room for the fine-grid solver's own O(h^2) error. A wrong sign or scale would miss by O(1).
        PoissonDataset data = PoissonDataset.generate(SMALL);
        OperatorSamples train = data.train();
        double h = 1.0 / 49;
        for (int s = 0; s < train.functionCount(); s++) {
            double[] f = train.function(s);
            double[] u = train.solution(s);
            for (int i = 1; i < 49; i++) {
                double minusLaplacian = -(u[i - 1] - 2 * u[i] + u[i + 1]) / (h * h);
                assertThat(minusLaplacian).as("function %d sensor %d", s, i)
                        .isCloseTo(f[i], Offset.offset(0.02));
            }
        }
    }

    @Test
    void generationIsSeededAndStreamsAreIndependent() {
        PoissonDataset a = PoissonDataset.generate(SMALL);
        PoissonDataset b = PoissonDataset.generate(SMALL);
        assertThat(a.toBundle()).isEqualTo(b.toBundle());
        PoissonDataset other = PoissonDataset.generate(SMALL.withSeed(SMALL.seed() + 1));
        assertThat(other.train().function(0)).isNotEqualTo(a.train().function(0));
        // The test functions come from their own stream: a larger training set leaves them unchanged.
        PoissonDataset moreTrain = PoissonDataset.generate(SMALL.withSizes(40, 10));
        assertThat(moreTrain.test().solutionsArray(DataType.DOUBLE))
                .isEqualTo(a.test().solutionsArray(DataType.DOUBLE));
        assertThat(moreTrain.train().function(29)).containsExactly(a.train().function(29));
        assertThat(a.test().function(0)).isNotEqualTo(a.train().function(0));
    }

    @Test
    void rejectsBadConfiguration() {
        assertThatThrownBy(() -> new PoissonDataset.Config(100, 800, 800, 0.0, 1, 4, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lengthScale must be > 0 and finite, got 0.0");
        assertThatThrownBy(() -> new PoissonDataset.Config(2, 800, 800, 0.2, 1, 4, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sensors must be >= 3, got 2");
        assertThatThrownBy(() -> new PoissonDataset.Config(100, 800, 0, 0.2, 1, 4, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("testSize must be > 0, got 0");
        assertThatThrownBy(() -> new PoissonDataset.Config(100, 800, 800, 0.2, 1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("solverRefinement must be > 0, got 0");
    }
}
