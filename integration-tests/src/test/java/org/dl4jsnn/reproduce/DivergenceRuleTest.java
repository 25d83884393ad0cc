package org.dl4jsnn.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The divergence rule on hand-made loss sequences, where the iteration it must fire at is known. */
class DivergenceRuleTest {

    /** Feeds losses for iterations 1..n; returns the first divergence. */
    private static Optional<Divergence> feed(DivergenceRule rule, int from, double... losses) {
        for (int i = 0; i < losses.length; i++) {
            Optional<Divergence> d = rule.check(from + i, losses[i]);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    private static double[] repeat(double v, int n) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    void aNonFiniteLossDivergesAtOnce() {
        DivergenceRule rule = new DivergenceRule();
        assertThat(feed(rule, 1, 0.2, 0.1, Double.NaN)).hasValueSatisfying(d -> {
            assertThat(d.iteration()).isEqualTo(3);
            assertThat(d.reason()).contains("NaN");
        });
        assertThat(new DivergenceRule().check(1, Double.POSITIVE_INFINITY)).isPresent();
    }

    @Test
    void aLossAboveTheFactorDivergesAfterExactlyTheWindow() {
        DivergenceRule rule = new DivergenceRule();
        double first = 0.2;
        double high = first * DivergenceRule.FACTOR * 1.01;
        assertThat(rule.check(1, first)).isEmpty();
        // iterations 2 .. WINDOW are above: one short of the window
        assertThat(feed(rule, 2, repeat(high, DivergenceRule.WINDOW - 1))).isEmpty();
        assertThat(rule.check(DivergenceRule.WINDOW + 1, high)).hasValueSatisfying(d -> {
            assertThat(d.iteration()).isEqualTo(DivergenceRule.WINDOW + 1);
            assertThat(d.reason()).contains("since iteration 2");
        });
    }

    @Test
    void exactlyTheFactorOrADipResetsTheWindow() {
        DivergenceRule rule = new DivergenceRule();
        double high = 1.0 * DivergenceRule.FACTOR * 2;
        rule.check(1, 1.0);
        assertThat(feed(rule, 2, repeat(high, DivergenceRule.WINDOW - 1))).isEmpty();
        assertThat(rule.check(DivergenceRule.WINDOW + 1, DivergenceRule.FACTOR)).as("at the limit, not above").isEmpty();
        assertThat(feed(rule, DivergenceRule.WINDOW + 2, repeat(high, DivergenceRule.WINDOW - 1))).isEmpty();
        assertThat(rule.aboveSince()).isEqualTo(DivergenceRule.WINDOW + 2);
    }

    /** Transient spikes of a healthy noisy run (here 30 iterations at 1000x) never fire it. */
    @Test
    void shortSpikesDoNotDiverge() {
        DivergenceRule rule = new DivergenceRule();
        rule.check(1, 0.5);
        for (int start = 2; start < 1000; start += 40) {
            assertThat(feed(rule, start, repeat(500, 30))).isEmpty();
            assertThat(feed(rule, start + 30, repeat(0.4, 10))).isEmpty();
        }
    }

    /** A rule rebuilt from its saved state judges the rest of the run as the original does. */
    @Test
    void aResumedRuleFiresWhereTheUninterruptedOneFires() {
        double[] losses = new double[200];
        losses[0] = 1;
        for (int i = 1; i < losses.length; i++) {
            losses[i] = i < 80 ? 0.5 : 150;
        }
        Optional<Divergence> whole = feed(new DivergenceRule(), 1, losses);
        DivergenceRule first = new DivergenceRule();
        assertThat(feed(first, 1, Arrays.copyOfRange(losses, 0, 100))).isEmpty();
        DivergenceRule resumed = new DivergenceRule(first.initialLoss(), first.aboveSince());
        Optional<Divergence> rest = feed(resumed, 101, Arrays.copyOfRange(losses, 100, 200));
        assertThat(whole).isPresent();
        assertThat(whole.get().iteration()).isEqualTo(81 + DivergenceRule.WINDOW - 1);
        assertThat(rest).isEqualTo(whole);
    }
}
