package org.dl4jsnn.reproduce.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.estimator.Perturbation;
import org.dl4jsnn.reproduce.Dl4jSnnCli;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.Preset;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.json.ResultsJson;
import org.dl4jsnn.train.RfgComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Local-loss-guided RFG (SG-RFG-LG) through the real command line, and its refusal where there are no heads. */
@ExtendWith(IsolatedDataCache.class)
class LocalGuidedEndToEndTest {

    private static int cli(StringWriter err, String... args) {
        return new Dl4jSnnCli(Tasks.registry()).execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                args);
    }

    @Test
    void theDeepOnetTrainsByLocalGuidedDirectionsAndWritesResults(@TempDir Path out) throws Exception {
        StringWriter err = new StringWriter();
        int code = cli(err, "reproduce", "poisson-deeponet", "--methods", "SG-RFG-LG", "--iterations", "60",
                "--batch", "200", "--lr", "0.005", "--eval-every", "60", "--out", out.toString(), "--progress", "none");
        assertThat(code).as(err.toString()).isZero();

        ResultsJson.Results results = new ResultsJson().read(Files.readAllBytes(out.resolve("results.json")));
        assertThat(results.runs()).singleElement().satisfies(r -> assertThat(r.method()).isEqualTo("SG-RFG-LG"));
        BaseTask runner = (BaseTask) Tasks.registry().find("poisson-deeponet").orElseThrow();
        MethodSpec method = MethodSpec.parse("SG-RFG-LG", 1);
        RunSettings settings = runner.defaults(Preset.FAST).withOverrides(60, 200, 0.005, 60);
        ComputationGraph untrained = runner.create(method, settings, 0);
        assertThat(untrained).isInstanceOf(RfgComputationGraph.class);
        assertThat(((RfgComputationGraph) untrained).settings().perturbation())
                .isEqualTo(Perturbation.LOCAL_GUIDED);
        assertThat(untrained.getConfiguration().getNetworkOutputs()).contains("local0");
        assertThat(results.runs().get(0).relL2()).isFinite().isLessThan(runner.testError(untrained));
    }

    @Test
    void aTaskWithoutLocalHeadsRefusesItBeforeTraining(@TempDir Path dir) {
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        int code = cli(err, "reproduce", "diffusion-reaction-seponet", "--methods", "SG-RFG-LG", "--iterations", "5",
                "--out", out.toString(), "--progress", "none");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--methods").contains("SG-RFG-LG").contains("no local heads");
        assertThat(out).doesNotExist();
    }
}
