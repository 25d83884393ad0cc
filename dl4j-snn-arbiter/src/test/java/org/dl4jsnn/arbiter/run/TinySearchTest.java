package org.dl4jsnn.arbiter.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.deeplearning4j.arbiter.optimize.parameter.FixedValue;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jsnn.arbiter.data.MexicanHatSearchData;
import org.dl4jsnn.arbiter.data.PoissonSearchData;
import org.dl4jsnn.arbiter.method.GradientMethod;
import org.dl4jsnn.arbiter.space.SpikingDenseLayerSpace;
import org.dl4jsnn.arbiter.space.SpikingMlpSpace;
import org.dl4jsnn.arbiter.space.TrainingMethodSpace;
import org.dl4jsnn.arbiter.spec.SpaceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny searches (a few candidates of a few iterations on 400 points) through Arbiter's runner. */
class TinySearchTest {

    static SpikingMlpSpace space() {
        SpikingDenseLayerSpace layer = new SpikingDenseLayerSpace.Builder().nOut(new FixedValue<>(8))
                .timeSteps(new DiscreteParameterSpace<>(4, 8))
                .surrogateWidth(new ContinuousParameterSpace(0.3, 0.8)).build();
        TrainingMethodSpace method = new TrainingMethodSpace.Builder()
                .gradient(new DiscreteParameterSpace<>(GradientMethod.values()))
                .learningRate(new ContinuousParameterSpace(0.003, 0.03)).build();
        return new SpikingMlpSpace(2, 1, 2, layer, method);
    }

    static Properties data() {
        Properties p = new Properties();
        p.setProperty(MexicanHatSearchData.TRAIN_SIZE, "400");
        p.setProperty(MexicanHatSearchData.BATCH, "100");
        return p;
    }

    @Test
    void randomSearchWritesRecordsAndTheBestModelThenResumesWithoutRetraining(@TempDir Path dir) throws Exception {
        SearchSettings three = new SearchSettings(SearchStrategy.RANDOM, 3, 10, 5, 2, 7);
        ArbiterSearch.Outcome first = ArbiterSearch.run(three, space(), MexicanHatSearchData.class, data(),
                new SearchFolder(dir));
        assertThat(first.records()).hasSize(3).allMatch(CandidateRecord::completed);
        CandidateRecord best = first.best().orElseThrow();
        assertThat(best.score()).isEqualTo(first.records().stream().mapToDouble(CandidateRecord::score).min().orElseThrow());
        // best-config.json is the best record; best-model.zip restores to a network with the same validation error
        assertThat(CandidateRecordJson.read(Files.readString(dir.resolve(SearchFolder.BEST_CONFIG)))).isEqualTo(best);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(
                dir.resolve(SearchFolder.BEST_MODEL).toFile(), false);
        assertThat(ValidationScore.validationSet(MexicanHatSearchData.class, data()).relativeL2(restored))
                .isCloseTo(best.score(), within(1e-9));

        SearchFolder folder = new SearchFolder(dir);
        FileTime[] stamps = new FileTime[3];
        for (int i = 0; i < 3; i++) {
            stamps[i] = Files.getLastModifiedTime(folder.modelFile(i));
        }
        Thread.sleep(20);
        List<String> lines = new ArrayList<>();
        SearchSettings five = new SearchSettings(SearchStrategy.RANDOM, 5, 10, 5, 2, 7);
        ArbiterSearch.Outcome second = ArbiterSearch.run(five, space(), MexicanHatSearchData.class, data(), folder,
                new ProgressLines(lines::add, five));
        assertThat(second.records()).hasSize(5);
        assertThat(second.records().subList(0, 3)).isEqualTo(first.records());
        for (int i = 0; i < 3; i++) {
            assertThat(Files.getLastModifiedTime(folder.modelFile(i))).isEqualTo(stamps[i]);
            assertThat(lines.get(i)).contains("#" + i).contains("finished by an earlier run");
        }
        assertThat(lines.get(3)).contains("#3").doesNotContain("earlier run");
    }

    @Test
    void gridSearchVisitsEveryCombinationOnceAndStops(@TempDir Path dir) {
        SpikingDenseLayerSpace layer = new SpikingDenseLayerSpace.Builder().nOut(new FixedValue<>(4))
                .timeSteps(new DiscreteParameterSpace<>(2, 4)).build();
        TrainingMethodSpace method = new TrainingMethodSpace.Builder()
                .gradient(new DiscreteParameterSpace<>(GradientMethod.BP, GradientMethod.RFG_L)).build();
        SearchSettings settings = new SearchSettings(SearchStrategy.GRID, 50, 10, 2, 2, 1);
        ArbiterSearch.Outcome outcome = ArbiterSearch.run(settings, new SpikingMlpSpace(2, 1, 1, layer, method),
                MexicanHatSearchData.class, data(), new SearchFolder(dir));
        Set<String> combos = new HashSet<>();
        outcome.records().forEach(r -> combos.add(r.method() + "/T=" + r.settings().get("T")));
        assertThat(outcome.records()).hasSize(4);
        assertThat(combos).containsExactlyInAnyOrder("BP/T=2", "BP/T=4", "RFG-L/T=2", "RFG-L/T=4");
    }

    @Test
    void aSpaceWhoseCandidatesCannotBeBuiltStopsAtTheCandidateCount(@TempDir Path dir) {
        // a threshold the layer rejects: every candidate fails when Arbiter generates it
        SpikingDenseLayerSpace bad = new SpikingDenseLayerSpace.Builder().nOut(new FixedValue<>(4))
                .threshold(new FixedValue<>(-1.0)).build();
        SearchSettings settings = new SearchSettings(SearchStrategy.RANDOM, 2, 10, 2, 2, 1);
        List<String> lines = new ArrayList<>();
        ArbiterSearch.Outcome outcome = ArbiterSearch.run(settings,
                new SpikingMlpSpace(2, 1, 1, bad, new TrainingMethodSpace.Builder().build()),
                MexicanHatSearchData.class, data(), new SearchFolder(dir), new ProgressLines(lines::add, settings));
        assertThat(outcome.best()).isEmpty();
        assertThat(outcome.records()).hasSize(2).noneMatch(CandidateRecord::completed)
                .allMatch(r -> r.error().contains("threshold"));
        assertThat(lines).filteredOn(l -> l.contains("failed")).hasSize(2);
    }

    @Test
    void deepOnetSearchRunsThroughTheOperatorBuilder(@TempDir Path dir) throws Exception {
        Properties p = new Properties();
        p.setProperty(PoissonSearchData.TRAIN_FUNCTIONS, "10");
        p.setProperty(PoissonSearchData.SENSORS, "20");
        p.setProperty(MexicanHatSearchData.BATCH, "64");
        var space = SpaceFile.parse(
                "{\"method\": [\"BP\", \"RFG-L\"], \"hiddenWidth\": 8, \"latent\": 8, \"timeSteps\": [4, 8]}")
                .deepOnetSpace(20);
        SearchSettings settings = new SearchSettings(SearchStrategy.GRID, 4, 10, 2, 2, 3);
        ArbiterSearch.Outcome outcome = ArbiterSearch.run(settings, space,
                PoissonSearchData.class, p, new SearchFolder(dir));
        assertThat(outcome.records()).hasSize(4).allMatch(CandidateRecord::completed)
                .allMatch(r -> "ComputationGraph".equals(r.modelType()));
        assertThat(outcome.records().stream().map(CandidateRecord::method).distinct()).containsExactlyInAnyOrder(
                "BP", "RFG-L");
        assertThat(new SearchFolder(dir).restoreModel(outcome.best().orElseThrow().index()))
                .isInstanceOf(ComputationGraph.class);
    }

    @Test
    void theTimeBudgetEndsASearchLongBeforeItsCandidateCount(@TempDir Path dir) {
        // 200 candidates take seconds even on fast kernels (each builds, trains and saves a network); a
        // 120 ms budget, checked by Arbiter's MaxTimeCondition before each start, stops the search long before
        SearchSettings settings = new SearchSettings(SearchStrategy.RANDOM, 200, 0.002, 5, 2, 7);
        ArbiterSearch.Outcome outcome = ArbiterSearch.run(settings, space(), MexicanHatSearchData.class, data(),
                new SearchFolder(dir));
        assertThat(outcome.records().size()).isLessThan(200);
    }

    /** The hook the CLI's --ui uses: each candidate's model trains with the listeners made for its index. */
    @Test
    void trainingListenersSeeEveryIterationOfTheirOwnCandidate(@TempDir Path dir) {
        Map<Integer, Integer> iterations = new ConcurrentHashMap<>();
        SearchSettings two = new SearchSettings(SearchStrategy.RANDOM, 2, 10, 5, 2, 7);
        ArbiterSearch.Outcome outcome = ArbiterSearch.run(two, space(), MexicanHatSearchData.class, data(),
                new SearchFolder(dir), index -> List.of(new BaseTrainingListener() {
                    @Override
                    public void iterationDone(Model model, int iteration, int epoch) {
                        iterations.merge(index, 1, Integer::sum);
                    }
                }));
        assertThat(outcome.records()).hasSize(2).allMatch(CandidateRecord::completed);
        assertThat(iterations).containsExactlyInAnyOrderEntriesOf(Map.of(0, 5, 1, 5));
    }
}
