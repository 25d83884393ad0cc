package org.dl4jsnn.reproduce.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Percentage;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.reproduce.Dl4jSnnCli;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.Preset;
import org.dl4jsnn.reproduce.RunSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code reproduce --engine samediff}: the Mexican hat trained by both engines from the same start. */
@ExtendWith(IsolatedDataCache.class)
class SameDiffEngineTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        return new Dl4jSnnCli(Tasks.registry()).execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    /**
     * Same weights, minibatches, directions and Adam: after a few iterations both engines' networks have
     * the same test error up to float rounding, and it is not the untrained one.
     */
    @Test
    void bothEnginesTrainTheSameNetworkAndReportTheirCost(@TempDir Path out) throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(stdout, err, "reproduce", "mexican-hat", "--engine", "samediff", "--methods", "SG-RFG-L",
                "--iterations", "6", "--batch", "40", "--lr", "0.01", "--out", out.toString(), "--progress", "none");
        assertThat(code).as(err.toString()).isZero();
        String md = Files.readString(out.resolve("samediff-engine.md"));
        assertThat(stdout.toString()).contains("| SG-RFG-L | 0 | samediff |");
        Matcher m = Pattern.compile("\\| SG-RFG-L \\| 0 \\| (dl4j|samediff) \\| ([0-9.]+) \\| ([0-9.]+) \\|").matcher(md);
        List<String> engines = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        while (m.find()) {
            engines.add(m.group(1));
            assertThat(Double.parseDouble(m.group(2))).as("ms/iteration").isPositive();
            errors.add(Double.parseDouble(m.group(3)));
        }
        assertThat(engines).containsExactly("dl4j", "samediff");

        MexicanHatTask task = (MexicanHatTask) Tasks.registry().find("mexican-hat").orElseThrow();
        MethodSpec method = MethodSpec.parse("SG-RFG-L", 1);
        RunSettings settings = task.defaults(Preset.FAST).withOverrides(6, 40, 0.01, null);
        ComputationGraph untrained = Methods.create(task.network(method, settings, 0), method, 0);
        untrained.init();
        double before = task.testError(untrained);
        System.out.printf("SameDiff engine: untrained %.5f, dl4j %.5f, samediff %.5f%n", before, errors.get(0),
                errors.get(1));
        assertThat(errors.get(0)).isNotCloseTo(before, Percentage.withPercentage(0.01));
        assertThat(errors.get(1)).isCloseTo(errors.get(0), Percentage.withPercentage(0.5));
    }

    @Test
    void rejectsWhatTheSameDiffEngineCannotRunBeforeWritingAnything(@TempDir Path out) {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "reproduce", "poisson-deeponet", "--engine", "samediff", "--out",
                out.resolve("a").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("mexican-hat only");
        StringWriter err2 = new StringWriter();
        assertThat(run(new StringWriter(), err2, "reproduce", "mexican-hat", "--engine", "samediff", "--methods",
                "SG-BP", "--out", out.resolve("b").toString())).isEqualTo(2);
        assertThat(err2.toString()).contains("--methods").contains("SG-BP");
        StringWriter err3 = new StringWriter();
        assertThat(run(new StringWriter(), err3, "reproduce", "mexican-hat", "--engine", "samediff", "--methods",
                "SG-RFG-L", "--param-average", "0.99", "--out", out.resolve("c").toString())).isEqualTo(2);
        assertThat(err3.toString()).contains("--param-average").contains("last iterates");
        assertThat(out.resolve("a")).doesNotExist();
        assertThat(out.resolve("b")).doesNotExist();
        assertThat(out.resolve("c")).doesNotExist();
    }
}
