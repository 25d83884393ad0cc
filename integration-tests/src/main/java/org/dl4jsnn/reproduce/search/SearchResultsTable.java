package org.dl4jsnn.reproduce.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dl4jsnn.arbiter.run.CandidateRecord;
import org.dl4jsnn.arbiter.run.ProgressText;

/**
 * A search's candidates as a Markdown table, best first (failed ones last). Settings that every
 * candidate shares (other than the method) are listed once above the table instead of as a column.
 */
public final class SearchResultsTable {

    private SearchResultsTable() {
    }

    public static String markdown(List<CandidateRecord> records) {
        List<CandidateRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing((CandidateRecord r) -> !r.completed())
                .thenComparingDouble(r -> r.completed() ? r.score() : 0)
                .thenComparingInt(CandidateRecord::index));
        Set<String> keys = new LinkedHashSet<>();
        records.forEach(r -> keys.addAll(r.settings().keySet()));
        Map<String, Object> shared = new LinkedHashMap<>();
        List<String> varying = new ArrayList<>();
        for (String k : keys) {
            Object first = records.isEmpty() ? null : records.get(0).settings().get(k);
            boolean same = records.stream().allMatch(r -> Objects.equals(r.settings().get(k), first));
            // the method is what a search compares: always a column
            if (same && records.size() > 1 && !"method".equals(k)) {
                shared.put(k, first);
            } else {
                varying.add(k);
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!shared.isEmpty()) {
            sb.append("Shared by all candidates: ");
            List<String> parts = new ArrayList<>();
            shared.forEach((k, v) -> parts.add(k + " = " + format(v)));
            sb.append(String.join(", ", parts)).append(".\n\n");
        }
        sb.append("| rank | candidate |");
        varying.forEach(k -> sb.append(' ').append(k).append(" |"));
        sb.append(" validation rel. L2 | seconds |\n|---:|---:|");
        varying.forEach(k -> sb.append("---|"));
        sb.append("---:|---:|\n");
        int rank = 0;
        for (CandidateRecord r : sorted) {
            sb.append("| ").append(r.completed() ? String.valueOf(++rank) : "-").append(" | ").append(r.index())
                    .append(" |");
            for (String k : varying) {
                Object v = r.settings().get(k);
                sb.append(' ').append(v == null ? "" : format(v)).append(" |");
            }
            sb.append(' ').append(r.completed() ? String.format(Locale.ROOT, "%.4f", r.score())
                    : "failed: " + r.error().replace('|', '/').replace('\n', ' ')).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", r.seconds())).append(" |\n");
        }
        return sb.toString();
    }

    static String format(Object v) {
        if (v instanceof Double d) {
            return ProgressText.number(d);
        }
        return String.valueOf(v);
    }
}
