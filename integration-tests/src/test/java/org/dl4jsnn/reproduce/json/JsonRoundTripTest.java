package org.dl4jsnn.reproduce.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.dl4jsnn.reproduce.BenchRow;
import org.dl4jsnn.reproduce.CurveSamples;
import org.dl4jsnn.reproduce.GridPrediction;
import org.dl4jsnn.reproduce.LearningRateSearch;
import org.dl4jsnn.reproduce.LrSelectionSummary;
import org.dl4jsnn.reproduce.LrTrial;
import org.dl4jsnn.reproduce.MethodRun;
import org.dl4jsnn.reproduce.Preset;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.TrainingPoint;
import org.dl4jsnn.reproduce.TrainingSetError;
import org.junit.jupiter.api.Test;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

class JsonRoundTripTest {

    private static final List<TrainingPoint> CURVE = List.of(new TrainingPoint(1, 0.5, Double.NaN),
            new TrainingPoint(2, 0.25, 0.125), new TrainingPoint(3, Double.POSITIVE_INFINITY, 0.1));

    @Test
    void aRunRecordWithAGridRoundTrips() {
        GridPrediction grid = new GridPrediction("x", "t", new double[] {0, 0.5, 1}, new double[] {0, 1},
                new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[][] {{1.1, 2}, {3, Double.NaN}, {5, 6.5}});
        MethodRun run = new MethodRun("SG-RFG-LxK4", -3, 100, 32, 1e-3, 0.0342, 12.5, 0.125, Double.NaN, CURVE, grid);
        MethodRunJson codec = new MethodRunJson();

        MethodRun back = codec.read(codec.write(run));

        assertThat(ResultsJson.Row.of(back)).isEqualTo(ResultsJson.Row.of(run));
        assertThat(back.spikeRate()).isNaN();
        assertThat(back.curve()).hasSize(3);
        assertThat(back.curve().get(0).testError()).isNaN();
        assertThat(back.curve().get(1)).isEqualTo(CURVE.get(1));
        assertThat(back.curve().get(2).loss()).as("infinity has no JSON form; it comes back as NaN").isNaN();
        GridPrediction g = (GridPrediction) back.artifacts();
        assertThat(g.yLabel()).isEqualTo("t");
        assertThat(g.ys()).containsExactly(0, 1);
        assertThat(g.prediction()[0]).containsExactly(1.1, 2);
        assertThat(g.prediction()[1][1]).isNaN();
    }

    @Test
    void aRunRecordWithCurvesOrNothingRoundTrips() {
        CurveSamples samples = new CurveSamples("x", new double[] {0, 1}, List.of(new double[] {1, 2}, new double[] {3, 4}),
                List.of(new double[] {1.5, 2}, new double[] {3, 4.5}));
        MethodRunJson codec = new MethodRunJson();
        MethodRun withCurves = new MethodRun("WSG-BP", 0, 1, 1, 1, 0, 0, 0, 0, List.of(), samples);
        CurveSamples c = (CurveSamples) codec.read(codec.write(withCurves)).artifacts();
        assertThat(c.prediction().get(1)).containsExactly(3, 4.5);

        MethodRun without = new MethodRun("WSG-BP", 0, 1, 1, 1, 0, 0, 0, 0, List.of(), null);
        assertThat(codec.read(codec.write(without)).artifacts()).isNull();
    }

    @Test
    void resultsJsonHasTheDocumentedFields() throws Exception {
        MethodRun run = new MethodRun("SG-BP", 7, 100, 32, 1e-3, 0.03, 12.5, 0.125, 0.2, CURVE, null);
        byte[] bytes = new ResultsJson().write("mexican-hat", Preset.PAPER, List.of(run), null);

        JsonNode root = new ObjectMapper().readTree(bytes);
        assertThat(root.fieldNames()).toIterable().containsExactly("schema_version", "task", "preset", "runs");
        assertThat(root.get("preset").asText()).isEqualTo("paper");
        assertThat(root.get("runs").get(0).fieldNames()).toIterable().containsExactly("method", "seed", "iterations",
                "batch", "lr", "rel_l2", "rel_l2_global", "train_rel_l2", "train_rel_l2_global", "wall_s",
                "ms_per_iter", "spike_rate");
        assertThat(root.get("runs").get(0).get("rel_l2_global").isNull()).as("not measured").isTrue();
        ResultsJson.Results back = new ResultsJson().read(bytes);
        assertThat(back.runs()).containsExactly(ResultsJson.Row.of(run));
    }

    @Test
    void theGlobalErrorIsWrittenBesideTheMeanAndMayBeAbsentInOlderFiles() throws Exception {
        MethodRun run = new MethodRun("SG-RFG-L", 0, 100, 32, 1e-3, 0.25, 12.5, 0.125, 0.2, CURVE, null, 0.155);
        byte[] bytes = new ResultsJson().write("poisson-deeponet", Preset.PAPER, List.of(run), null);
        JsonNode row = new ObjectMapper().readTree(bytes).get("runs").get(0);
        assertThat(row.get("rel_l2").asDouble()).isEqualTo(0.25);
        assertThat(row.get("rel_l2_global").asDouble()).isEqualTo(0.155);
        assertThat(new ResultsJson().read(bytes).runs().get(0).relL2Global()).isEqualTo(0.155);
        assertThat(new MethodRunJson().read(new MethodRunJson().write(run)).globalRelL2()).isEqualTo(0.155);

        String older = "{\"schema_version\":1,\"task\":\"t\",\"preset\":\"fast\",\"runs\":[{\"method\":\"SG-BP\","
                + "\"seed\":0,\"iterations\":1,\"batch\":1,\"lr\":0.1,\"rel_l2\":0.5,\"wall_s\":1,"
                + "\"ms_per_iter\":1,\"spike_rate\":0.1}]}";
        assertThat(new ResultsJson().read(older.getBytes(StandardCharsets.UTF_8)).runs().get(0).relL2Global()).isNaN();
        assertThat(new ResultsJson().read(older.getBytes(StandardCharsets.UTF_8)).runs().get(0).trainingSet())
                .as("no training-set fields: not measured").isNull();
    }

    @Test
    void trainingSetErrorsAreWrittenBesideTheTestErrorsAndNullWhenNotMeasured() throws Exception {
        TrainingSetError train = new TrainingSetError(0.12, 0.07);
        MethodRun run = new MethodRun("SG-RFG-L", 2, 100, 32, 1e-3, 0.25, 12.5, 0.125, 0.2, CURVE, null, null,
                0.155, train);
        byte[] bytes = new ResultsJson().write("poisson-deeponet", Preset.PAPER, List.of(run), null);
        JsonNode row = new ObjectMapper().readTree(bytes).get("runs").get(0);
        assertThat(row.get("train_rel_l2").asDouble()).isEqualTo(0.12);
        assertThat(row.get("train_rel_l2_global").asDouble()).isEqualTo(0.07);
        assertThat(new ResultsJson().read(bytes).runs().get(0).trainingSet()).isEqualTo(train);
        assertThat(new MethodRunJson().read(new MethodRunJson().write(run)).trainingSet()).isEqualTo(train);

        MethodRun unmeasured = new MethodRun("SG-BP", 0, 100, 32, 1e-3, 0.03, 12.5, 0.125, 0.2, CURVE, null);
        byte[] without = new ResultsJson().write("poisson-deeponet", Preset.PAPER, List.of(unmeasured), null);
        assertThat(new ObjectMapper().readTree(without).get("runs").get(0).get("train_rel_l2").isNull()).isTrue();
        assertThat(new MethodRunJson().read(new MethodRunJson().write(unmeasured)).trainingSet()).isNull();
    }

    @Test
    void malformedResultsAreReportedByField() {
        ResultsJson codec = new ResultsJson();
        assertThatThrownBy(() -> codec.read("{\"schema_version\":1,\"task\":\"t\",\"preset\":\"fast\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonFormatException.class).hasMessageContaining("'runs'");
        assertThatThrownBy(() -> codec.read(("{\"schema_version\":1,\"task\":\"t\",\"preset\":\"fast\","
                + "\"runs\":[{\"method\":\"SG-BP\",\"seed\":\"zero\"}]}").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("'seed' must be an integer");
        assertThatThrownBy(() -> codec.read("[1,".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("not valid JSON");
    }

    @Test
    void benchAndSettingsRoundTrip() {
        List<BenchRow> rows = List.of(new BenchRow("BP", 1000, 32, 1, 4.5, 66, Double.NaN, 0.15),
                new BenchRow("RFG-L", 10000, 512, 16, 40, 700, 12, Double.NaN));
        assertThat(new BenchJson().read(new BenchJson().write(rows))).isEqualTo(rows);

        SettingsJson.Recorded rec = new SettingsJson.Recorded("poisson-deeponet", Preset.FAST,
                new RunSettings(10, 20, 0.003, 5, Map.of("T", "32", "sigma", "0.3")), null);
        assertThat(new SettingsJson().read(new SettingsJson().write(rec))).isEqualTo(rec);
        SettingsJson.Recorded searched = new SettingsJson.Recorded("mexican-hat", Preset.PAPER,
                new RunSettings(10, 20, 0.003, 5), new LearningRateSearch(List.of(1e-3, 3e-3, 1e-2), 4));
        assertThat(new SettingsJson().read(new SettingsJson().write(searched))).isEqualTo(searched);
    }

    @Test
    void learningRateTrialsRoundTripAndADivergedTrialIsNull() throws Exception {
        MethodRun run = new MethodRun("SG-BP", 0, 100, 32, 3e-3, 0.03, 12.5, 0.125, 0.2, CURVE, null);
        List<LrTrial> trials = List.of(new LrTrial("SG-BP", 0, 1e-3, 0.05), new LrTrial("SG-BP", 0, 3e-3, 0.04),
                new LrTrial("SG-BP", 0, 1e-2, Double.NaN));
        LrSelectionSummary sel = new LrSelectionSummary(new LearningRateSearch(List.of(1e-3, 3e-3, 1e-2), 50),
                "the last 4 of 40 rows", trials);
        byte[] bytes = new ResultsJson().write("mexican-hat", Preset.FAST, List.of(run), sel);

        JsonNode selection = new ObjectMapper().readTree(bytes).get("lr_selection");
        assertThat(selection.fieldNames()).toIterable()
                .containsExactly("candidates", "iterations", "validation_fold", "trials");
        assertThat(selection.get("trials").get(2).get("val_rel_l2").isNull()).isTrue();
        List<LrTrial> back = new ResultsJson().read(bytes).lrTrials();
        assertThat(back).hasSize(3);
        assertThat(back.subList(0, 2)).isEqualTo(trials.subList(0, 2));
        assertThat(back.get(2).diverged()).isTrue();
        assertThat(sel.chosen("SG-BP")).hasValue(3e-3);
    }
}
