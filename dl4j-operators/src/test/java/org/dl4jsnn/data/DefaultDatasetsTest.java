package org.dl4jsnn.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The full default data sets of docs/design.md section 5: sizes, grids, and that generation stays fast. */
class DefaultDatasetsTest {

    private static final Logger log = LoggerFactory.getLogger(DefaultDatasetsTest.class);

    @Test
    void poissonDefaults() {
        long start = System.nanoTime();
        PoissonDataset data = PoissonDataset.generate(PoissonDataset.Config.defaults());
        log.info("default Poisson data set generated in {} ms", (System.nanoTime() - start) / 1_000_000);
        assertThat(data.train().functionCount()).isEqualTo(800);
        assertThat(data.test().functionCount()).isEqualTo(800);
        assertThat(data.train().sensorCount()).isEqualTo(100);
        assertThat(data.train().sensors()[99]).isEqualTo(1.0);
        // Unit-variance field: the mean of f^2 over 80,000 correlated values (about 5 independent
        // values per function at length scale 0.2, so ~8,000 effective) is 1 +- a few * sqrt(2/8000) ~ 0.016.
        double sum = 0;
        double[] f = data.train().flatFunctions();
        for (double v : f) {
            sum += v * v;
        }
        assertThat(sum / f.length).isBetween(0.9, 1.1);
    }

    @Test
    void diffusionReactionDefaults() {
        long start = System.nanoTime();
        DiffusionReactionDataset data = DiffusionReactionDataset.generate(DiffusionReactionDataset.Config.defaults());
        log.info("default diffusion-reaction data set generated in {} ms", (System.nanoTime() - start) / 1_000_000);
        GridOperatorSamples test = data.test();
        assertThat(test.functionCount()).isEqualTo(100);
        assertThat(data.train().functionCount()).isEqualTo(100);
        assertThat(test.sensorCount()).isEqualTo(101);
        assertThat(test.x()).hasSize(101);
        assertThat(test.t()).hasSize(101);
        assertThat(test.t()[100]).isEqualTo(1.0);
        assertThat(test.solutionsArray(DataType.FLOAT).shape()).containsExactly(100, 101 * 101);
    }
}
