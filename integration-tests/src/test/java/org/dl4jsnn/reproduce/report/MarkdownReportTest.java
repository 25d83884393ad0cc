package org.dl4jsnn.reproduce.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.dl4jsnn.reproduce.MethodRun;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.Preset;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.TrainingSetError;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    private static MethodSummary summary(String label, double... errors) {
        PaperTargets paper = new PaperTargets(Map.of("sg-bp", 0.0298, "SG-RFG-G", 0.0426));
        List<MethodRun> runs = new ArrayList<>();
        for (int s = 0; s < errors.length; s++) {
            runs.add(new MethodRun(MethodSpec.parse(label, 1).label(), s, 10, 1, 1e-3, errors[s], 1, 1, 0.1, List.of(), null));
        }
        return MethodSummary.of(MethodSpec.parse(label, 1), runs, paper);
    }

    @Test
    void operatorReportsShowTheGlobalErrorBesideTheMean() {
        List<MethodRun> runs = List.of(
                new MethodRun("SG-BP", 0, 10, 1, 1e-3, 0.04, 1, 1, 0.1, List.of(), null, 0.02),
                new MethodRun("SG-BP", 1, 10, 1, 1e-3, 0.06, 1, 1, 0.1, List.of(), null, 0.04));
        MethodSummary s = MethodSummary.of(MethodSpec.parse("SG-BP", 1), runs, new PaperTargets(Map.of()));
        assertThat(s.meanGlobalRelL2()).isCloseTo(0.03, Offset.offset(1e-15));
        assertThat(s.hasDistinctGlobalError()).isTrue();
        assertThat(summary("SG-BP", 0.05).hasDistinctGlobalError()).as("not measured").isFalse();
        List<MethodRun> same = List.of(new MethodRun("SG-BP", 0, 10, 1, 1e-3, 0.04, 1, 1, 0.1, List.of(), null, 0.04));
        assertThat(MethodSummary.of(MethodSpec.parse("SG-BP", 1), same, new PaperTargets(Map.of()))
                .hasDistinctGlobalError()).as("a point task: one metric").isFalse();
    }

    @Test
    void trainingSetTableComparesTheSeedsThatMeasuredItAndIsAbsentWhenNoneDid() {
        MethodSpec bp = MethodSpec.parse("SG-BP", 1);
        List<MethodRun> runs = List.of(
                new MethodRun("SG-BP", 0, 10, 1, 1e-3, 0.04, 1, 1, 0.1, List.of(), null, null, 0.02,
                        new TrainingSetError(0.01, 0.005)),
                new MethodRun("SG-BP", 1, 10, 1, 1e-3, 0.06, 1, 1, 0.1, List.of(), null, null, 0.04,
                        new TrainingSetError(0.03, 0.015)),
                new MethodRun("SG-BP", 2, 10, 1, 1e-3, 0.5, 1, 1, 0.1, List.of(), null, 0.3));
        ReportInput in = new ReportInput("t", "d", Preset.FAST, new RunSettings(10, 1, 1e-3, 5), List.of(bp),
                List.of(0L, 1L, 2L), runs, Map.of(), "cmd", null);
        assertThat(MarkdownReport.trainingSet(in)).as("seed 2's test errors stay out of the comparison")
                .contains("| SG-BP | 2 | 0.02000 | 0.05000 | 0.01000 | 0.03000 |");

        ReportInput before = new ReportInput("t", "d", Preset.FAST, new RunSettings(10, 1, 1e-3, 5), List.of(bp),
                List.of(2L), List.of(runs.get(2)), Map.of(), "cmd", null);
        assertThat(MarkdownReport.trainingSet(before)).isEmpty();
    }

    @Test
    void targetLineSaysWhoMissesAndByHowMuch() {
        String line = MarkdownReport.targets(List.of(summary("SG-BP", 0.0298), summary("SG-RFG-G", 0.05, 0.0552),
                summary("WSG-RFG-L", 0.01)));
        assertThat(line).contains("missed by SG-RFG-G (0.05260 vs 0.04260, +23.5%)")
                .contains("Target met by SG-BP.")
                .doesNotContain("WSG-RFG-L");
    }

    @Test
    void meanAndSampleStandardDeviationOverSeeds() {
        MethodSummary s = summary("SG-RFG-G", 0.04, 0.06, 0.05);
        assertThat(s.meanRelL2()).isCloseTo(0.05, Offset.offset(1e-15));
        assertThat(s.stdRelL2()).isCloseTo(0.01, Offset.offset(1e-15));
        assertThat(s.ratioToPaper()).isCloseTo(0.05 / 0.0426, Offset.offset(1e-12));
        assertThat(summary("SG-BP", 0.1).stdRelL2()).isNaN();
        assertThat(summary("SG-BP", 0.02, Double.NaN).meanRelL2()).as("a diverged seed shows").isNaN();
        assertThat(summary("SG-BP", 0.02, Double.NaN).meetsPaper()).isFalse();
    }

    @Test
    void kDirectionsAreHeldToThePapersSingleDirectionNumber() {
        PaperTargets paper = new PaperTargets(Map.of("SG-RFG-G", 0.0426, "not a label", 1.0));
        assertThat(paper.of(MethodSpec.parse("SG-RFG-GxK16", 1))).hasValue(0.0426);
        assertThat(paper.of(MethodSpec.parse("WSG-RFG-G", 1))).isEmpty();
    }

    @Test
    void noPaperNumbersIsSaidPlainly() {
        assertThat(MarkdownReport.targets(List.of(summary("WSG-RFG-L", 0.01)))).contains("no numbers");
    }
}
