package org.dl4jsnn.reproduce.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dl4jsnn.arbiter.run.CandidateRecord;
import org.dl4jsnn.arbiter.run.ProgressText;
import org.dl4jsnn.arbiter.run.SearchFolder;
import org.dl4jsnn.arbiter.run.SearchSettings;
import org.dl4jsnn.arbiter.run.SearchStrategy;

/** Writes a search's {@code results.md} (settings, best candidate, table) and {@code scores.png}. */
public final class SearchReport {

    public static final String RESULTS_MD = "results.md";
    public static final String SCORES_PNG = "scores.png";

    private SearchReport() {
    }

    public static void write(Path dir, String task, String spaceName, SearchSettings settings, int batch,
                             String commandLine, List<CandidateRecord> records, Optional<CandidateRecord> best)
            throws IOException {
        String title = "Search on " + task + ": " + records.size() + " candidates, " + settings.iterations()
                + " iterations each";
        SearchScoreChart.writePng(SearchScoreChart.of(title, records), dir.resolve(SCORES_PNG));
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        md.append("Command: `").append(commandLine).append("`\n\n");
        md.append(String.format(Locale.ROOT, "Space: %s. Strategy: %s (Arbiter's %s), seed %d. Budget: %d candidates,"
                        + " %s minutes. Each candidate trains %d iterations of batch %d with Adam and is scored by the"
                        + " relative L2 error on a validation split held out of the training set (the test set is not"
                        + " used).%n%n",
                spaceName, settings.strategy().name().toLowerCase(Locale.ROOT),
                settings.strategy() == SearchStrategy.RANDOM ? "RandomSearchGenerator"
                        : "GridSearchCandidateGenerator",
                settings.seed(), settings.candidates(), ProgressText.number(settings.maxMinutes()),
                settings.iterations(), batch));
        if (best.isPresent()) {
            CandidateRecord b = best.get();
            md.append(String.format(Locale.ROOT, "Best: candidate %d, %s, validation error %.4f (model: `%s`,"
                    + " configuration: `%s`).%n%n", b.index(), ProgressText.describe(b.settings()), b.score(),
                    SearchFolder.BEST_MODEL, SearchFolder.BEST_CONFIG));
        } else {
            md.append("No candidate completed.\n\n");
        }
        md.append("![validation error by candidate](").append(SCORES_PNG).append(")\n\n");
        md.append(SearchResultsTable.markdown(records));
        Files.writeString(dir.resolve(RESULTS_MD), md.toString(), StandardCharsets.UTF_8);
    }
}
