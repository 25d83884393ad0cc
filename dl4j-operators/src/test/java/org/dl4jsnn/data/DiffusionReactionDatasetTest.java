package org.dl4jsnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.dl4jsnn.solver.DiffusionReactionSolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffusionReactionDatasetTest {

    private static final DiffusionReactionDataset.Config SMALL = DiffusionReactionDataset.Config.defaults()
            .withSizes(4, 2).withGrids(11, 21, 41, 81);

    @Test
    void shapesGridsAndConditions() {
        DiffusionReactionDataset data = DiffusionReactionDataset.generate(SMALL);
        GridOperatorSamples train = data.train();
        assertThat(train.functionCount()).isEqualTo(4);
        assertThat(data.test().functionCount()).isEqualTo(2);
        assertThat(train.sensorCount()).isEqualTo(101);
        assertThat(train.sensors()[37]).isEqualTo(0.37);
        assertThat(train.nx()).isEqualTo(11);
        assertThat(train.nt()).isEqualTo(21);
        assertThat(train.x()[10]).isEqualTo(1.0);
        assertThat(train.t()[1]).isEqualTo(0.05);
        for (int s = 0; s < 4; s++) {
            for (int i = 0; i < 11; i++) {
                assertThat(train.value(s, i, 0)).as("u at t=0").isZero();
            }
            for (int j = 0; j < 21; j++) {
                assertThat(train.value(s, 0, j)).as("u at x=0").isZero();
                assertThat(train.value(s, 10, j)).as("u at x=1").isZero();
            }
        }
    }

    @Test
    void storedSolutionIsTheSolverOutputForTheStoredSource() {
        DiffusionReactionDataset data = DiffusionReactionDataset.generate(SMALL);
        DiffusionReactionSolver solver = new DiffusionReactionSolver(SMALL.solverConfig());
        GridOperatorSamples test = data.test();
        double[][] u = solver.solve(test.function(1));
        for (int i = 0; i < 11; i++) {
            for (int j = 0; j < 21; j++) {
                assertThat(test.value(1, i, j)).isEqualTo(u[i][j]);
                assertThat(test.solution(1)[i * 21 + j]).isEqualTo(u[i][j]);
            }
        }
    }

    @Test
    void defaultConfigurationMatchesTheTask() {
        DiffusionReactionDataset.Config c = DiffusionReactionDataset.Config.defaults();
        assertThat(c.sensors()).isEqualTo(101);
        assertThat(c.trainSize()).isEqualTo(100);
        assertThat(c.testSize()).isEqualTo(100);
        assertThat(c.lengthScale()).as("the paper's GRF length scale").isEqualTo(1.0);
        assertThat(c.diffusivity()).isEqualTo(0.01);
        assertThat(c.reactionRate()).isEqualTo(0.01);
        assertThat(c.nx()).isEqualTo(101);
        assertThat(c.nt()).isEqualTo(101);
    }

    @Test
    void lengthScaleIsAnOptionAndPartOfTheCacheKey(@TempDir Path dir) {
        DiffusionReactionDataset.Config rough = SMALL.withLengthScale(DiffusionReactionDataset.ROUGH_LENGTH_SCALE);
        assertThat(rough.lengthScale()).isEqualTo(0.2);
        assertThat(rough.withLengthScale(1.0)).isEqualTo(SMALL);
        DatasetCache cache = new DatasetCache(dir);
        assertThat(cache.fileFor(DiffusionReactionDataset.KIND, rough.toString()))
                .isNotEqualTo(cache.fileFor(DiffusionReactionDataset.KIND, SMALL.toString()));
        // same seed, same stream of normals: the smoother field has the smaller mean squared slope
        assertThat(meanSquaredSlope(DiffusionReactionDataset.generate(SMALL).train().function(0)))
                .isLessThan(meanSquaredSlope(DiffusionReactionDataset.generate(rough).train().function(0)));
    }

    private static double meanSquaredSlope(double[] f) {
        double sum = 0;
        for (int i = 1; i < f.length; i++) {
            double d = (f[i] - f[i - 1]) * (f.length - 1);
            sum += d * d;
        }
        return sum / (f.length - 1);
    }

    @Test
    void seeded() {
        assertThat(DiffusionReactionDataset.generate(SMALL).toBundle())
                .isEqualTo(DiffusionReactionDataset.generate(SMALL).toBundle());
        assertThat(DiffusionReactionDataset.generate(SMALL.withSeed(7)).train().function(0))
                .isNotEqualTo(DiffusionReactionDataset.generate(SMALL).train().function(0));
    }

    @Test
    void rejectsBadConfiguration() {
        assertThatThrownBy(() -> SMALL.withGrids(11, 11, 2, 11))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("solverNx must be >= 3, got 2");
        assertThatThrownBy(() -> new DiffusionReactionDataset.Config(101, 1, 1, -0.2, 1, 0.01, 0.01, 11, 11, 41, 41, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lengthScale must be > 0 and finite, got -0.2");
        assertThatThrownBy(() -> SMALL.withSizes(0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("trainSize must be > 0, got 0");
    }
}
