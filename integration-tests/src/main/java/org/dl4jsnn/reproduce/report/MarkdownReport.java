package org.dl4jsnn.reproduce.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.OptionalDouble;
import org.dl4jsnn.reproduce.LrSelectionSummary;
import org.dl4jsnn.reproduce.LrTrial;
import org.dl4jsnn.reproduce.MethodRun;
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
        if (in.lrSelection() == null) {
            row(md, "learning rate", plain(s.lr()));
        } else {
            row(md, "learning rate", "chosen per method on a validation fold (below)");
        }
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
        boolean global = summaries.stream().anyMatch(MethodSummary::hasDistinctGlobalError);
        if (global) {
            md.append("Operator task: rel. L2 is the mean over test functions of each function's relative error")
                    .append(" (the paper's metric, compared with its numbers); global rel. L2 pools all test")
                    .append(" functions and points into one ||pred - true|| / ||true||.\n\n");
        }
        md.append("| method | rel. L2 (mean ± std) |").append(global ? " global rel. L2 |" : "")
                .append(" paper | ratio to paper | iterations | lr | wall s | ms/iter | spike rate |\n");
        md.append("| --- | ---: |").append(global ? " ---: |" : "")
                .append(" ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (MethodSummary m : summaries) {
            md.append("| ").append(m.method().label())
                    .append(" | ").append(number(m.meanRelL2()))
                    .append(Double.isNaN(m.stdRelL2()) ? "" : " ± " + number(m.stdRelL2()))
                    .append(global ? " | " + number(m.meanGlobalRelL2()) : "")
                    .append(" | ").append(m.paper().isPresent() ? number(m.paper().getAsDouble()) : "–")
                    .append(" | ").append(m.paper().isPresent() ? fixed(m.ratioToPaper(), 2) + "x" : "–")
                    .append(" | ").append(fixed(m.meanIterations(), 0))
                    .append(" | ").append(learningRates(in.runsOf(m.method())))
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
        md.append(trainingSet(in));
        md.append(diverged(in.runs()));
        if (in.lrSelection() != null) {
            md.append(selection(in.lrSelection(), in.methods()));
        }

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

    /**
     * The errors on the training rows beside the test errors, each a mean over the same seeds: those that
     * measured the training error. Empty when no run did (records written before the field existed).
     */
    static String trainingSet(ReportInput in) {
        StringBuilder rows = new StringBuilder();
        for (MethodSpec method : in.methods()) {
            List<MethodRun> measured = in.runsOf(method).stream().filter(r -> r.trainingSet() != null).toList();
            if (measured.isEmpty()) {
                continue;
            }
            rows.append("| ").append(method.label()).append(" | ").append(measured.size())
                    .append(" | ").append(number(MethodSummary.mean(measured, r -> r.trainingSet().relL2())))
                    .append(" | ").append(number(MethodSummary.mean(measured, MethodRun::relL2)))
                    .append(" | ").append(number(MethodSummary.mean(measured, r -> r.trainingSet().globalRelL2())))
                    .append(" | ").append(number(MethodSummary.mean(measured, MethodRun::globalRelL2)))
                    .append(" |\n");
        }
        if (rows.isEmpty()) {
            return "";
        }
        return "Training-set error (all training rows, at the end) beside the test error: training error as high"
                + " as test error means the method has not fitted the data (optimisation), far below it that it"
                + " has not generalised.\n\n"
                + "| method | seeds | train rel. L2 | test rel. L2 | train global rel. L2 | test global rel. L2 |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: |\n" + rows + "\n";
    }

    /** A paragraph naming each run stopped as diverged, where and why; empty when none was. */
    static String diverged(List<MethodRun> runs) {
        List<String> lines = new ArrayList<>();
        for (MethodRun r : runs) {
            if (r.hasDiverged()) {
                lines.add("- " + r.method() + " seed " + r.seed() + ": " + r.divergence());
            }
        }
        if (lines.isEmpty()) {
            return "";
        }
        return "**Diverged** (training stopped, no error reported; a lower learning rate may help):\n\n"
                + String.join("\n", lines) + "\n\n";
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

    /** The learning-rate section: every candidate's validation error per method, the chosen one in bold. */
    static String selection(LrSelectionSummary sel, List<MethodSpec> methods) {
        List<Double> lrs = sel.search().candidates();
        StringBuilder md = new StringBuilder("## Learning-rate selection\n\n");
        md.append("Each method's learning rate is the candidate with the lowest relative L2 error on a validation")
                .append(" fold, ").append(sel.validationFold()).append(", after ")
                .append(sel.search().iterations()).append(" iterations of training on the other training rows")
                .append(" (seed ").append(sel.trials().isEmpty() ? "–" : Long.toString(sel.trials().get(0).seed()))
                .append("). The test set is not used to choose.\n\n| method |");
        for (double lr : lrs) {
            md.append(" lr ").append(plain(lr)).append(" |");
        }
        md.append(" chosen |\n| --- |").append(" ---: |".repeat(lrs.size() + 1)).append('\n');
        for (MethodSpec m : methods) {
            List<LrTrial> trials = sel.trialsOf(m.label());
            OptionalDouble chosen = sel.chosen(m.label());
            md.append("| ").append(m.label()).append(" |");
            for (double lr : lrs) {
                LrTrial t = trials.stream().filter(x -> x.lr() == lr).findFirst().orElse(null);
                String cell = t == null ? "–" : t.diverged() ? "diverged" : number(t.validationError());
                boolean isChosen = chosen.isPresent() && chosen.getAsDouble() == lr;
                md.append(' ').append(isChosen ? "**" + cell + "**" : cell).append(" |");
            }
            md.append(' ').append(chosen.isPresent() ? plain(chosen.getAsDouble()) : "–").append(" |\n");
        }
        md.append('\n');
        List<String> edge = new ArrayList<>();
        double lowest = lrs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double highest = lrs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        for (MethodSpec m : methods) {
            OptionalDouble chosen = sel.chosen(m.label());
            if (chosen.isPresent() && (chosen.getAsDouble() == lowest || chosen.getAsDouble() == highest)) {
                edge.add(m.label() + " (" + (chosen.getAsDouble() == lowest ? "lowest" : "highest") + ")");
            }
        }
        if (!edge.isEmpty()) {
            md.append("**At the edge of the grid**, so a better rate may lie beyond it: ")
                    .append(String.join(", ", edge)).append(".\n\n");
        }
        return md.toString();
    }

    /** The learning rate of a method's runs: one value, or each distinct one if they differ. */
    private static String learningRates(List<MethodRun> runs) {
        return runs.stream().map(r -> plain(r.lr())).distinct().collect(Collectors.joining(", "));
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
