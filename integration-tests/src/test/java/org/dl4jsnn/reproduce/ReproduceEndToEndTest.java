package org.dl4jsnn.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.assertj.core.groups.Tuple;
import org.dl4jsnn.reproduce.json.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproduceEndToEndTest {

    @TempDir
    Path tmp;

    @Test
    void fullRunWritesACompleteReport() throws IOException {
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        Path out = tmp.resolve("mh");

        CliHarness.Result r = new CliHarness(runner).run("reproduce", "mexican-hat", "--methods", "SG-BP,sg-rfg-l,WSG-RFG-G",
                "--seeds", "0,1", "--iterations", "30", "--progress", "lines", "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("report written to");
        assertThat(runner.calls).hasSize(6);

        ResultsJson.Results results = new ResultsJson().read(Files.readAllBytes(out.resolve("results.json")));
        assertThat(results.task()).isEqualTo("mexican-hat");
        assertThat(results.preset()).isEqualTo(Preset.FAST);
        assertThat(results.runs()).extracting(ResultsJson.Row::method, ResultsJson.Row::seed).containsExactly(
                Tuple.tuple("SG-BP", 0L), Tuple.tuple("SG-BP", 1L),
                Tuple.tuple("SG-RFG-L", 0L), Tuple.tuple("SG-RFG-L", 1L),
                Tuple.tuple("WSG-RFG-G", 0L), Tuple.tuple("WSG-RFG-G", 1L));
        assertThat(results.runs()).allSatisfy(row -> {
            assertThat(row.iterations()).isEqualTo(30);
            assertThat(row.batch()).isEqualTo(16);
            assertThat(row.relL2()).isBetween(0.0, 1.0);
            assertThat(row.msPerIter()).isPositive();
            assertThat(row.spikeRate()).isEqualTo(0.2);
        });

        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("# Reproduction: mexican-hat", "Fake mexican-hat task", "| seeds | 0, 1 |",
                "| T | 32 |", "--iterations 30");
        // SG-BP: errors 0.020, 0.021 -> mean 0.0205, paper 0.05 -> met; SG-RFG-L 0.0405 vs paper 0.01 -> missed
        assertThat(md).contains("| SG-BP | 0.02050 ± 0.0007071 | 0.05000 | 0.41x | 30 |");
        assertThat(md).contains("missed by SG-RFG-L (0.04050 vs 0.01000, +305.0%)", "Target met by SG-BP");
        assertThat(md).contains("| WSG-RFG-G | 0.03050 ± 0.0007071 | – | – |");

        List<String> images = imageLinks(md);
        assertThat(images).contains("plots/heatmap-SG-BP.png", "plots/heatmap-SG-RFG-L.png",
                "plots/heatmap-WSG-RFG-G.png", "plots/loss.png", "plots/test-error.png", "plots/test-error-time.png",
                "plots/ms-per-iter.png");
        for (String link : images) {
            Path png = out.resolve(link);
            assertThat(png).isRegularFile();
            assertThat(Files.size(png)).isPositive();
            BufferedImage img = ImageIO.read(png.toFile());
            assertThat(img).as(link).isNotNull();
            assertThat(img.getWidth()).isGreaterThan(300);
        }
        try (var files = Files.list(out.resolve("plots"))) {
            assertThat(files.count()).as("no unreferenced plots").isEqualTo(images.size());
        }
        assertThat(out.resolve("runs")).isDirectoryContaining("glob:**/mexican-hat.SG-BP.seed1.json");
        try (var leftovers = Files.list(out)) {
            assertThat(leftovers.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("results.json", "report.md", "settings.json", "plots", "runs", "checkpoints",
                            ".dl4j-snn.lock");
        }
        try (var ckpts = Files.list(out.resolve("checkpoints"))) {
            assertThat(ckpts).as("finished runs need no checkpoint").isEmpty();
        }
        assertThat(r.err()).contains("[SG-BP seed 0] starting 30 iterations", "done");
    }

    @Test
    void curveArtifactsBecomeSampleCharts() throws IOException {
        FakeTaskRunner runner = new FakeTaskRunner("poisson-deeponet", FakeTaskRunner.Kind.CURVES,
                List.of(MethodSpec.parse("WSG-BP", 1)), Map.of("WSG-BP", 0.0241));
        Path out = tmp.resolve("p");

        CliHarness.Result r = new CliHarness(runner).run("reproduce", "poisson-deeponet", "--progress", "none",
                "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        String md = Files.readString(out.resolve("report.md"));
        assertThat(imageLinks(md)).contains("plots/samples-WSG-BP.png");
        assertThat(ImageIO.read(out.resolve("plots/samples-WSG-BP.png").toFile())).isNotNull();
        assertThat(md).contains("| WSG-BP | 0.02000 | 0.02410 | 0.83x |", "target met by every method");
    }

    @Test
    void allRunsEveryTaskIntoItsOwnFolderWithDefaultMethodsAndDirections() throws IOException {
        FakeTaskRunner a = FakeTaskRunner.grid("mexican-hat");
        FakeTaskRunner b = new FakeTaskRunner("diffusion-reaction-seponet", FakeTaskRunner.Kind.NONE,
                List.of(MethodSpec.parse("SG-BP", 1), MethodSpec.parse("SG-RFG-L", 1)), Map.of());

        CliHarness.Result r = new CliHarness(a, b).run("reproduce", "all", "--directions", "4", "--iterations", "10",
                "--progress", "none", "--out", tmp.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(a.calls).containsExactly("mexican-hat.SG-BP.seed0", "mexican-hat.SG-RFG-LxK4.seed0");
        assertThat(b.calls).hasSize(2);
        assertThat(tmp.resolve("mexican-hat/results.json")).isRegularFile();
        String md = Files.readString(tmp.resolve("diffusion-reaction-seponet/report.md"));
        assertThat(md).contains("SG-RFG-LxK4", "the paper gives no numbers");
        assertThat(Files.readString(tmp.resolve("mexican-hat/report.md")))
                .contains("Paper numbers are for K = 1", "| SG-RFG-LxK4 | 0.04000 | 0.01000 | 4.00x |");
    }

    static List<String> imageLinks(String markdown) {
        Matcher m = Pattern.compile("!\\[[^]]*]\\(([^)]+)\\)").matcher(markdown);
        List<String> links = new ArrayList<>();
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }
}
