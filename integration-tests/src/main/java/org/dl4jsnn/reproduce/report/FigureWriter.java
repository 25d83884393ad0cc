package org.dl4jsnn.reproduce.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.dl4jsnn.reproduce.CurveSamples;
import org.dl4jsnn.reproduce.GridPrediction;
import org.dl4jsnn.reproduce.MethodRun;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.TrainingPoint;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Renders the report's PNGs into a folder and says which it wrote. */
final class FigureWriter {

    static final String PREDICTIONS = "Predictions";
    static final String TRAINING = "Training curves";
    static final String COST = "Cost";

    private final Path outRoot;
    private final Path plotsDir;

    /** @param outRoot the folder report.md lives in; figures go to its plots/ subfolder */
    FigureWriter(Path outRoot, String plotsFolderName) {
        this.outRoot = outRoot;
        this.plotsDir = outRoot.resolve(plotsFolderName);
    }

    List<Figure> write(ReportInput input, List<MethodSummary> summaries) {
        List<Figure> figures = new ArrayList<>();
        for (MethodSpec method : input.methods()) {
            MethodRun run = input.figureRun(method);
            String heading = String.format(Locale.ROOT, "%s (seed %d): relative L2 error %s", method.label(),
                    run.seed(), MarkdownReport.number(run.relL2()));
            if (run.artifacts() instanceof GridPrediction g) {
                figures.add(image("heatmap-" + fileSafe(method.label()),
                        method.label() + ": truth, prediction and |error|", PREDICTIONS,
                        HeatmapFigure.render(heading, g)));
            } else if (run.artifacts() instanceof CurveSamples c) {
                figures.add(chart("samples-" + fileSafe(method.label()),
                        method.label() + ": sample predictions (dashed) vs truth (solid)", PREDICTIONS,
                        SampleCurvesChart.of(heading, c)));
            }
        }
        List<MethodRun> firstSeedRuns = input.methods().stream().map(input::figureRun).toList();
        TrainingCurvesChart.of("Training loss", "loss", firstSeedRuns, TrainingPoint::loss)
                .ifPresent(c -> figures.add(chart("loss", "training loss vs iteration", TRAINING, c)));
        TrainingCurvesChart.of("Test error", "relative L2 test error", firstSeedRuns, TrainingPoint::testError)
                .ifPresent(c -> figures.add(chart("test-error", "test error vs iteration", TRAINING, c)));
        TrainingCurvesChart.againstTime("Test error against training time", "relative L2 test error", firstSeedRuns,
                TrainingPoint::testError)
                .ifPresent(c -> figures.add(chart("test-error-time", "test error vs training time", TRAINING, c)));
        TimingBarChart.of(summaries)
                .ifPresent(c -> figures.add(chart("ms-per-iter", "milliseconds per iteration", COST, c)));
        return figures;
    }

    private Figure chart(String name, String title, String section, Chart<?, ?> chart) {
        Path file = fileFor(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return new Figure(relative(file), title, section);
    }

    private Figure image(String name, String title, String section, BufferedImage image) {
        Path file = fileFor(name);
        try {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return new Figure(relative(file), title, section);
    }

    private Path fileFor(String name) {
        try {
            Files.createDirectories(plotsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + plotsDir + ": " + e.getMessage(), e);
        }
        return plotsDir.resolve(name + ".png");
    }

    private String relative(Path file) {
        // forward slashes: the path is a Markdown link, not a file-system path
        return outRoot.relativize(file).toString().replace('\\', '/');
    }

    static String fileSafe(String label) {
        return label.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
