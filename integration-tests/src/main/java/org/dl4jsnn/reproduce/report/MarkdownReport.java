package org.dl4jsnn.reproduce.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.RunSettings;

/** The text of report.md. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(ReportInput in, List<MethodSummary> summaries, List<Figure> figures) {
        StringBuilder md = new StringBuilder();
        md.append("# Reproduction: ").append(in.task()).append("\n\n");
        md.append(in.description().strip()).append("\n\n");
        md.append("Command: `").append(in.commandLine()).append("`\n\n");

        md.append("## Settings\n\n| setting | value |\n| --- | --- |\n");
        RunSettings s = in.settings();
        row(md, "preset", in.preset().cliName());
        row(md, "iterations", Integer.toString(s.iterations()));
        row(md, "batch", Integer.toString(s.batch()));
        row(md, "learning rate", plain(s.lr()));
        row(md, "test error every", s.evalEvery() + " iterations");
        for (Map.Entry<String, String> e : s.extra().entrySet()) {
            row(md, e.getKey(), e.getValue());
        }
        row(md, "seeds", in.seeds().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        row(md, "methods", in.methods().stream().map(MethodSpec::label).collect(Collectors.joining(", ")));
        md.append('\n');

        md.append("## Results\n\n");
        md.append("Test relative L2 error ||pred - true|| / ||true||: mean ± sample standard deviation over ")
                .append(in.seeds().size()).append(in.seeds().size() == 1 ? " seed" : " seeds")
                .append("; the other columns are means over seeds.\n\n");
        md.append("| method | rel. L2 (mean ± std) | paper | ratio to paper | iterations | wall s | ms/iter | spike rate |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (MethodSummary m : summaries) {
            md.append("| ").append(m.method().label())
                    .append(" | ").append(number(m.meanRelL2()))
                    .append(Double.isNaN(m.stdRelL2()) ? "" : " ± " + number(m.stdRelL2()))
                    .append(" | ").append(m.paper().isPresent() ? number(m.paper().getAsDouble()) : "–")
                    .append(" | ").append(m.paper().isPresent() ? fixed(m.ratioToPaper(), 2) + "x" : "–")
                    .append(" | ").append(fixed(m.meanIterations(), 0))
                    .append(" | ").append(fixed(m.meanWallSeconds(), 1))
                    .append(" | ").append(fixed(m.meanMsPerIter(), 2))
                    .append(" | ").append(fixed(m.meanSpikeRate(), 3))
                    .append(" |\n");
        }
        md.append('\n');
        if (summaries.stream().anyMatch(m -> m.method().directions() > 1 && m.paper().isPresent())) {
            md.append("Paper numbers are for K = 1 direction; the xK rows are held to them.\n\n");
        }
        md.append(targets(summaries)).append("\n\n");

        for (String section : new LinkedHashSet<>(figures.stream().map(Figure::section).toList())) {
            md.append("## ").append(section).append("\n\n");
            if (FigureWriter.PREDICTIONS.equals(section) || FigureWriter.TRAINING.equals(section)) {
                md.append("Each method's first seed (").append(in.seeds().get(0)).append(").\n\n");
            }
            for (Figure f : figures) {
                if (f.section().equals(section)) {
                    md.append("![").append(f.title()).append("](").append(f.file()).append(")\n\n");
                }
            }
        }
        md.append("---\nMachine-readable results: `results.json` (schema: docs/results-schema.md).\n");
        return md.toString();
    }

    /** The line saying which methods reach the paper's number and by how much the others miss. */
    static String targets(List<MethodSummary> summaries) {
        List<String> missed = new ArrayList<>();
        List<String> met = new ArrayList<>();
        for (MethodSummary m : summaries) {
            if (m.paper().isEmpty()) {
                continue;
            }
            if (m.meetsPaper()) {
                met.add(m.method().label());
            } else {
                double paper = m.paper().getAsDouble();
                missed.add(String.format(Locale.ROOT, "%s (%s vs %s, %s)", m.method().label(),
                        number(m.meanRelL2()), number(paper),
                        Double.isFinite(m.meanRelL2())
                                ? String.format(Locale.ROOT, "+%.1f%%", 100 * (m.meanRelL2() / paper - 1))
                                : "no finite error"));
            }
        }
        if (met.isEmpty() && missed.isEmpty()) {
            return "**Targets:** the paper gives no numbers for these methods.";
        }
        StringBuilder line = new StringBuilder("**Targets** (met when the mean error is at or below the paper's): ");
        if (missed.isEmpty()) {
            line.append("target met by every method with a paper number (").append(String.join(", ", met)).append(").");
        } else {
            line.append("missed by ").append(String.join("; ", missed)).append('.');
            if (!met.isEmpty()) {
                line.append(" Target met by ").append(String.join(", ", met)).append('.');
            }
        }
        return line.toString();
    }

    /** Four significant digits; "NaN" stays visible rather than becoming a blank. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** Shortest exact decimal of a setting: 0.001, not 0.001000 or 1.0E-3. */
    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }
}
