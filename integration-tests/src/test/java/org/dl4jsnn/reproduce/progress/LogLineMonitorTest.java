package org.dl4jsnn.reproduce.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.dl4jsnn.reproduce.EvaluationSplit;
import org.junit.jupiter.api.Test;

class LogLineMonitorTest {

    @Test
    void printsThrottledLinesWithLossTestErrorAndEta() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong();
        LogLineMonitor m = new LogLineMonitor(new PrintWriter(text), Duration.ofSeconds(10), clock::get);

        m.start("SG-BP seed 0", EvaluationSplit.TEST, 1000, 200);
        for (int i = 201; i <= 300; i++) {
            clock.addAndGet(Duration.ofMillis(100).toNanos());
            m.update(i, 0.5, i == 250 ? 0.0312 : Double.NaN);
        }
        m.finish();
        m.finish();

        String[] lines = text.toString().split("\n");
        assertThat(lines[0]).isEqualTo("[SG-BP seed 0] resuming at 200 of 1000 iterations");
        // 100 iterations in 10 s since the resume: 10 it/s, 700 left -> 70 s
        assertThat(lines[1]).isEqualTo(
                "[SG-BP seed 0] iter 300/1000 ( 30%) loss 0.5000 test 0.03120 | elapsed 10s | 10.0 it/s | ETA 1m10s");
        assertThat(lines[2]).endsWith("| elapsed 10s | done");
        assertThat(lines).hasSize(3);
        assertThat(text.toString()).matches("\\p{ASCII}*");
    }

    @Test
    void aValidationRunShowsItsErrorAsVal() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong();
        LogLineMonitor m = new LogLineMonitor(new PrintWriter(text), Duration.ofSeconds(1), clock::get);
        m.start("SG-BP seed 0 lr 0.01 (validation)", EvaluationSplit.VALIDATION, 10, 0);
        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        m.update(5, 0.25, 0.125);
        assertThat(text.toString()).contains("loss 0.2500 val 0.1250 |").doesNotContain("test");
    }
}
