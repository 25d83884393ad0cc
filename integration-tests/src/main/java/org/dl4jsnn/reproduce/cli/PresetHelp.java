package org.dl4jsnn.reproduce.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dl4jsnn.data.DatasetCache;
import org.dl4jsnn.reproduce.LearningRateSearch;
import org.dl4jsnn.reproduce.Preset;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.TaskRunner;

/**
 * Help text that answers "what will this run do": each preset's settings for a task, read from the
 * task itself so the text cannot drift from the code, and where generated data sets are kept.
 */
final class PresetHelp {

    /** The system property that moves the data cache (read by the tasks). */
    static final String CACHE_PROPERTY = "dl4j.snn.cache";

    private PresetHelp() {
    }

    /** Two lines, "fast: ..." and "paper: ...", for one task. */
    static String of(TaskRunner runner) {
        StringBuilder sb = new StringBuilder();
        for (Preset p : Preset.values()) {
            RunSettings s = runner.defaults(p);
            sb.append(String.format(Locale.ROOT, "      %s: %,d iterations, batch %,d, ", p.cliName(), s.iterations(),
                    s.batch()));
            if (p == Preset.PAPER) {
                LearningRateSearch search = runner.paperLrSearch(s);
                sb.append("learning rate chosen among ").append(search.candidates().stream().map(PresetHelp::plain)
                        .collect(Collectors.joining(", "))).append(String.format(Locale.ROOT,
                        " on a validation fold after %,d iterations each, unless --lr is given",
                        search.iterations()));
            } else {
                sb.append("learning rate ").append(plain(s.lr()));
            }
            // the schedule, when a preset sets one, is a task setting the report lists under this key
            String schedule = s.extra().entrySet().stream().filter(e -> e.getKey().contains("schedule"))
                    .map(e -> "; " + e.getKey() + " " + e.getValue()).collect(Collectors.joining());
            sb.append(schedule.replace("%", "%%")).append("%n");
        }
        return sb.toString();
    }

    /** Where data sets are generated once and kept, and how to move them. */
    static String dataCache() {
        String dir = System.getProperty(CACHE_PROPERTY);
        return "Data sets are generated on first use (seconds to minutes) and kept in "
                + (dir != null ? dir : DatasetCache.defaultDirectory().toString())
                + "; move them with JAVA_OPTS=-D" + CACHE_PROPERTY + "=DIR.";
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
