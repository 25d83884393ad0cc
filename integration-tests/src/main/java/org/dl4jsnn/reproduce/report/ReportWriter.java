package org.dl4jsnn.reproduce.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dl4jsnn.reproduce.json.ResultsJson;
import org.dl4jsnn.reproduce.store.AtomicFiles;
import org.dl4jsnn.reproduce.store.OutputFolder;

/**
 * Writes report.md, the plots and results.json. Everything is built in a hidden staging folder
 * inside the output folder (same file system, so renames are atomic) and moved into place at the
 * end, results.json last: a folder with results.json holds a complete report.
 */
public final class ReportWriter {

    private final ResultsJson resultsJson = new ResultsJson();

    public void write(OutputFolder out, ReportInput input) {
        PaperTargets targets = new PaperTargets(input.paperErrors());
        List<MethodSummary> summaries = input.methods().stream()
                .map(m -> MethodSummary.of(m, input.runsOf(m), targets)).toList();
        Path staging = null;
        try {
            Files.createDirectories(out.root());
            staging = Files.createTempDirectory(out.root(), OutputFolder.STAGING_PREFIX);
            List<Figure> figures = new FigureWriter(staging, OutputFolder.PLOTS).write(input, summaries);
            Files.writeString(staging.resolve(OutputFolder.REPORT_MD),
                    MarkdownReport.render(input, summaries, figures), StandardCharsets.UTF_8);
            Files.write(staging.resolve(OutputFolder.RESULTS_JSON),
                    resultsJson.write(input.task(), input.preset(), input.runs(), input.lrSelection()));
            publish(staging, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report in " + out.root() + ": " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                OutputFolder.deleteRecursively(staging);
            }
        }
    }

    private static void publish(Path staging, OutputFolder out) throws IOException {
        OutputFolder.deleteRecursively(out.resultsJson());
        OutputFolder.deleteRecursively(out.plotsDir());
        Path plots = staging.resolve(OutputFolder.PLOTS);
        if (Files.isDirectory(plots)) {
            AtomicFiles.move(plots, out.plotsDir());
        }
        AtomicFiles.move(staging.resolve(OutputFolder.REPORT_MD), out.reportMd());
        AtomicFiles.move(staging.resolve(OutputFolder.RESULTS_JSON), out.resultsJson());
    }
}
