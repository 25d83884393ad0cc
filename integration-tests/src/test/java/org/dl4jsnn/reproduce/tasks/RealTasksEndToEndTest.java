package org.dl4jsnn.reproduce.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.data.MexicanHat;
import org.dl4jsnn.data.PointSamples;
import org.dl4jsnn.reproduce.Dl4jSnnCli;
import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.LrTrial;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.Preset;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.TrainingSetError;
import org.dl4jsnn.reproduce.json.ResultsJson;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * Every task with every one of its default methods (plus local losses and K directions where they
 * apply) runs end to end through the real command line at a tiny size and writes a complete report.
 */
@ExtendWith(IsolatedDataCache.class)
class RealTasksEndToEndTest {

    /**
     * Sizes: enough iterations that every method, RFG-G included (its first hundreds of steps are mostly
     * noise on the Mexican hat), is clearly below its untrained error, and no more.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "mexican-hat; SG-BP,SG-RFG-G,SG-RFG-L,WSG-RFG-L-LL,SG-RFG-GxK4; 400; 100; 0.003",
        "poisson-deeponet; ; 100; 200; 0.005",
        "diffusion-reaction-seponet; SG-BP,SG-RFG-L,WSG-RFG-G; 120; 10; 0.01"})
    void taskRunsEveryMethodAndWritesACompleteReport(String task, String methods, int iterations, int batch,
                                                     double lr, @TempDir Path out) throws Exception {
        StringWriter err = new StringWriter();
        String[] args = methods == null
                ? new String[] {"reproduce", task, "--iterations", "" + iterations, "--batch", "" + batch, "--lr",
                    "" + lr, "--eval-every", "" + iterations, "--out", out.toString(), "--progress", "none"}
                : new String[] {"reproduce", task, "--methods", methods, "--iterations", "" + iterations, "--batch",
                    "" + batch, "--lr", "" + lr, "--eval-every", "" + iterations, "--out", out.toString(),
                    "--progress", "none"};
        int code = new Dl4jSnnCli(Tasks.registry()).execute(new PrintWriter(new StringWriter()),
                new PrintWriter(err), args);
        assertThat(code).as(err.toString()).isZero();

        BaseTask runner = (BaseTask) Tasks.registry().find(task).orElseThrow();
        List<MethodSpec> expected = methods == null ? runner.defaultMethods()
                : Arrays.stream(methods.split(",")).map(m -> MethodSpec.parse(m, 1)).toList();
        ResultsJson.Results results = new ResultsJson().read(Files.readAllBytes(out.resolve("results.json")));
        assertThat(results.task()).isEqualTo(task);
        assertThat(results.runs()).extracting(ResultsJson.Row::method)
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(MethodSpec::label).toList());
        RunSettings settings = runner.defaults(Preset.FAST).withOverrides(iterations, batch, lr, iterations);
        Map<String, Double> errors = results.runs().stream()
                .collect(Collectors.toMap(ResultsJson.Row::method, ResultsJson.Row::relL2));
        for (MethodSpec m : expected) {
            ComputationGraph untrained = runner.create(m, settings, 0);
            double before = runner.testError(untrained);
            System.out.printf("%s %s: untrained %.4f, trained %.4f%n", task, m.label(), before, errors.get(m.label()));
            assertThat(errors.get(m.label())).as(m.label() + " (untrained " + before + ")").isFinite()
                    .isLessThan(before);
            TrainingSetError untrainedFit = runner.trainingSetError(untrained);
            TrainingSetError fit = results.runs().stream().filter(r -> r.method().equals(m.label())).findFirst()
                    .orElseThrow().trainingSet();
            assertThat(fit).as(m.label() + " training-set error").isNotNull();
            assertThat(fit.relL2()).as(m.label() + " (untrained " + untrainedFit + ")").isFinite()
                    .isLessThan(untrainedFit.relL2());
            assertThat(fit.globalRelL2()).isFinite().isLessThan(untrainedFit.globalRelL2());
            if (task.equals("mexican-hat")) {
                assertThat(fit.globalRelL2()).as("one function: pooled is the error").isEqualTo(fit.relL2());
            }
        }

        String report = Files.readString(out.resolve("report.md"));
        Matcher images = Pattern.compile("\\]\\(([^)]+\\.png)\\)").matcher(report);
        int count = 0;
        while (images.find()) {
            Path png = out.resolve(images.group(1));
            assertThat(png).exists();
            assertThat(javax.imageio.ImageIO.read(png.toFile())).as(png.toString()).isNotNull();
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(expected.size());
    }

    @org.junit.jupiter.api.Test
    void validationTrainingNeverSeesTheValidationFold() {
        MexicanHatTask task = (MexicanHatTask) Tasks.registry().find("mexican-hat").orElseThrow();
        RunSettings settings = task.defaults(Preset.FAST).withOverrides(null, 1000, null, null);
        MultiDataSetIterator train =
                task.trainData(settings, 5, EvaluationSplit.VALIDATION);
        Set<String> seen = new HashSet<>();
        while (train.hasNext()) {
            double[][] xy = train.next().getFeatures(0).toDoubleMatrix();
            for (double[] p : xy) {
                seen.add(key(p));
            }
        }
        PointSamples all = MexicanHat.load(
                MexicanHat.Config.defaults(), BaseTask.cache()).train();
        assertThat(seen).hasSize(9000);
        for (int i = 0; i < all.size(); i++) {
            boolean inFold = i >= 9000;
            assertThat(seen.contains(key(new double[] {all.input(i, 0), all.input(i, 1)})))
                    .as("training point " + i).isEqualTo(!inFold);
        }
    }

    private static String key(double[] p) {
        return (float) p[0] + "," + (float) p[1];
    }

    @org.junit.jupiter.api.Test
    void selectLrChoosesOnTheValidationFoldAndTrainsWithTheChoice(@TempDir Path out) throws Exception {
        int code = new Dl4jSnnCli(Tasks.registry()).execute(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), "reproduce", "mexican-hat", "--methods", "SG-BP",
                "--iterations", "60", "--batch", "200", "--select-lr", "0.0001,0.01", "--select-iterations", "40",
                "--eval-every", "20", "--out", out.toString(), "--progress", "none");
        assertThat(code).isZero();

        ResultsJson.Results results = new ResultsJson().read(Files.readAllBytes(out.resolve("results.json")));
        assertThat(results.lrTrials()).hasSize(2).allSatisfy(t -> assertThat(t.validationError()).isFinite());
        double chosen = LrTrial.best(results.lrTrials()).orElseThrow().lr();
        assertThat(chosen).as("0.0001 barely moves in 40 steps; 0.01 does").isEqualTo(0.01);
        assertThat(results.runs()).singleElement().satisfies(r -> assertThat(r.lr()).isEqualTo(chosen));
        assertThat(Files.readString(out.resolve("report.md")))
                .contains("the last 1,000 of the 10,000 training points");
    }
}
