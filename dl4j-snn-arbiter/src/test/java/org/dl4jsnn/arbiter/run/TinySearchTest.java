package org.dl4jsnn.arbiter.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.FixedValue;
import org.dl4jsnn.arbiter.data.MexicanHatSearchData;
import org.dl4jsnn.arbiter.method.GradientMethod;
import org.dl4jsnn.arbiter.space.SpikingDenseLayerSpace;
import org.dl4jsnn.arbiter.space.SpikingMlpSpace;
import org.dl4jsnn.arbiter.space.TrainingMethodSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void runsEndToEndAndResumes(@TempDir Path dir) throws Exception {
        SearchSettings settings = new SearchSettings(SearchStrategy.RANDOM, 3, 10, 5, 2, 7);
        List<String> lines = new ArrayList<>();
        ArbiterSearch.Outcome outcome = ArbiterSearch.run(settings, space(), MexicanHatSearchData.class, data(),
                new SearchFolder(dir), new ProgressLines(lines::add, settings));
        assertThat(outcome.records()).hasSize(3);
        assertThat(outcome.best()).isPresent();
        assertThat(Files.exists(dir.resolve(SearchFolder.BEST_MODEL))).isTrue();
        lines.forEach(System.out::println);
    }
}
