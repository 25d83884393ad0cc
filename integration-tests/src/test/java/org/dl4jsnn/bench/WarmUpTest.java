package org.dl4jsnn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void runsUntilTheTimesSettleAfterTheMinimum() {
        WarmUp w = new WarmUp(3, 1e9);
        // JIT-like decay: 40, 20, 10, 5 ms ... then flat at 2 ms
        double[] times = {40, 20, 10, 5, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
        int ran = 0;
        while (w.needsMore()) {
            w.record(times[ran++]);
        }
        // the medians of the last 5 and the 5 before them: after 10 iterations 2 against 10 (40 20 10 5 3),
        // after 11 2 against 5, after 12 2 against 3 (off by 33%), after 13 2 against 2 (5 3 2 2 2): settled
        assertThat(ran).isEqualTo(13);
        assertThat(w.settled()).isTrue();
    }

    @Test
    void stopsAtTheBudgetEvenIfNotSettled() {
        WarmUp w = new WarmUp(2, 100);
        int ran = 0;
        while (w.needsMore()) {
            w.record(ran % 2 == 0 ? 10 : 30);
            ran++;
        }
        // 10 + 30 + 10 + 30 + 10 = 90 ms is under the budget of 100, the sixth brings 120
        assertThat(ran).isEqualTo(6);
        assertThat(w.settled()).isFalse();
    }

    @Test
    void noWarmUpWhenTheMinimumIsZeroAndBadArgumentsAreRefused() {
        assertThat(new WarmUp(0, 100).needsMore()).isFalse();
        assertThatThrownBy(() -> new WarmUp(-1, 100)).hasMessageContaining("minimum must be >= 0");
        assertThatThrownBy(() -> new WarmUp(1, 0)).hasMessageContaining("budgetMs must be > 0");
    }
}
