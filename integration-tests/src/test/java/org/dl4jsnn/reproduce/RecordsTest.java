package org.dl4jsnn.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsTest {

    @Test
    void runSettingsRejectNonsenseAndApplyOverrides() {
        RunSettings s = new RunSettings(100, 32, 1e-3, 10, Map.of("b", "2", "a", "1"));
        assertThat(s.extra().keySet()).containsExactly("a", "b");
        assertThat(s.withOverrides(5, null, 0.1, null)).isEqualTo(new RunSettings(5, 32, 0.1, 10, Map.of("a", "1", "b", "2")));
        assertThatThrownBy(() -> new RunSettings(0, 32, 1e-3, 10)).hasMessageContaining("iterations");
        assertThatThrownBy(() -> new RunSettings(1, 0, 1e-3, 10)).hasMessageContaining("batch");
        assertThatThrownBy(() -> new RunSettings(1, 1, Double.NaN, 10)).hasMessageContaining("lr");
        assertThatThrownBy(() -> new RunSettings(1, 1, Double.POSITIVE_INFINITY, 10)).hasMessageContaining("lr");
        assertThatThrownBy(() -> new RunSettings(1, 1, 1e-3, 0)).hasMessageContaining("evalEvery");
    }

    @Test
    void gridPredictionChecksShapesAndCannotBeChangedFromOutside() {
        double[][] truth = {{1, 2, 3}, {4, 5, 6}};
        GridPrediction g = new GridPrediction("x", "t", new double[] {0, 1}, new double[] {0, 1, 2}, truth, truth);
        truth[0][0] = 99;
        g.truth()[1][1] = 99;
        assertThat(g.truth()[0][0]).isEqualTo(1);
        assertThat(g.truth()[1][1]).isEqualTo(5);
        assertThatThrownBy(() -> new GridPrediction("x", "t", new double[] {0, 1, 2}, new double[] {0, 1, 2}, truth, truth))
                .hasMessageContaining("rows");
        assertThatThrownBy(() -> new GridPrediction("x", "t", new double[] {0, 1}, new double[] {0, 1}, truth, truth))
                .hasMessageContaining("ys.length");
    }

    @Test
    void curveSamplesNeedMatchingSamples() {
        List<double[]> one = new ArrayList<>(List.of(new double[] {1, 2}));
        CurveSamples c = new CurveSamples("x", new double[] {0, 1}, one, one);
        one.clear();
        assertThat(c.truth()).hasSize(1);
        assertThatThrownBy(() -> new CurveSamples("x", new double[] {0, 1}, List.of(new double[] {1, 2}), List.of()))
                .hasMessageContaining("samples");
        assertThatThrownBy(() -> new CurveSamples("x", new double[] {0, 1}, List.of(new double[] {1}), List.of(new double[] {1})))
                .hasMessageContaining("x.length");
    }

    @Test
    void methodRunAllowsNaNForUnmeasuredButNotNegativeNumbers() {
        MethodRun ok = new MethodRun("SG-BP", 0, 10, 4, 1e-3, Double.NaN, 1, 1, Double.NaN, List.of(), null);
        assertThat(ok.relL2()).isNaN();
        assertThatThrownBy(() -> new MethodRun("SG-BP", 0, 10, 4, 1e-3, -0.1, 1, 1, 0.1, List.of(), null))
                .hasMessageContaining("relL2");
        assertThatThrownBy(() -> new MethodRun("SG-BP", 0, 10, 4, 1e-3, 0.1, 1, 1, 1.5, List.of(), null))
                .hasMessageContaining("spikeRate");
    }

    @Test
    void trainingSetErrorIsNeverNegativeAndADivergedRunHasNone() {
        assertThat(new TrainingSetError(Double.NaN, 0.2).relL2()).as("overflowed outputs keep the run").isNaN();
        assertThatThrownBy(() -> new TrainingSetError(0.1, -0.2)).hasMessageContaining("globalRelL2");
        assertThatThrownBy(() -> new MethodRun("SG-BP", 0, 10, 4, 1e-3, Double.NaN, 1, 1, Double.NaN, List.of(),
                null, new Divergence(3, "loss NaN"), Double.NaN, new TrainingSetError(0.1, 0.1)))
                .hasMessageContaining("diverged run has no error");
    }

    @Test
    void registryRejectsDuplicateAndReservedNames() {
        FakeTaskRunner a = FakeTaskRunner.grid("mexican-hat");
        assertThatThrownBy(() -> new TaskRegistry(List.of(a, a), null)).hasMessageContaining("twice");
        assertThatThrownBy(() -> new TaskRegistry(List.of(FakeTaskRunner.grid("all")), null))
                .hasMessageContaining("all");
        assertThatThrownBy(() -> new TaskRegistry(List.of(FakeTaskRunner.grid("Mexican Hat")), null))
                .hasMessageContaining("lower-case");
        TaskRegistry r = new TaskRegistry(List.of(a), null);
        assertThat(r.acceptedTaskNames()).containsExactly("mexican-hat", "all");
        assertThat(r.benchmark()).isEmpty();
    }
}
