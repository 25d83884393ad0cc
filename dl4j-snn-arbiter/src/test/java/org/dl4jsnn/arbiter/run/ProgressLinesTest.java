package org.dl4jsnn.arbiter.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.dl4jsnn.arbiter.TestCandidates;
import org.dl4jsnn.arbiter.method.GradientMethod;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {

    private static void finish(ProgressLines p, int index, long start, long end, Double score) {
        CandidateInfo running = new CandidateInfo(index, CandidateStatus.Running, null, start, start, null, null, null);
        p.onCandidateStatusChange(running, null, null);
        CandidateInfo done = new CandidateInfo(index, CandidateStatus.Complete, score, start, start, end, null, null);
        Candidate<?> c = new Candidate<>(TestCandidates.mlp(GradientMethod.BP), index, new double[0]);
        p.onCandidateStatusChange(done, null, new OptimizationResult(c, score, index, null, done, null));
    }

    @Test
    void etaIsTheMeanCandidateTimeTimesTheCandidatesLeft() {
        AtomicLong now = new AtomicLong(0);
        List<String> lines = new ArrayList<>();
        ProgressLines p = new ProgressLines(lines::add, 10, 3_600_000, now::get);
        now.set(30_000);
        finish(p, 0, 0, 30_000, 0.5);
        now.set(90_000);
        finish(p, 1, 30_000, 90_000, 0.25);
        // mean 45 s, 8 candidates left: 6 minutes
        assertThat(lines.get(1)).startsWith("[2/10] #1 BP").contains("validation 0.2500 in 1m00s")
                .contains("best 0.2500 (#1)").endsWith("elapsed 1m30s, ETA 6m00s");
    }

    @Test
    void etaIsCappedByTheTimeBudget() {
        AtomicLong now = new AtomicLong(0);
        List<String> lines = new ArrayList<>();
        ProgressLines p = new ProgressLines(lines::add, 100, 120_000, now::get);
        now.set(60_000);
        finish(p, 0, 0, 60_000, 0.5);
        // 99 x 60 s left, but only 60 s of budget remain, and a candidate started then still finishes
        assertThat(lines.get(0)).endsWith("ETA 2m00s");
    }
}
