package org.dl4jsnn.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class OperatorMetricsTest {

    // function 0: truth (3, 4), |truth| = 5, error (0, 1): relative 0.2
    // function 1: truth (0, 1), |truth| = 1, error (0.5, 0): relative 0.5
    private static final double[][] TRUTH = {{3, 4}, {0, 1}};
    private static final double[][] PRED = {{3, 5}, {0.5, 1}};

    @Test
    void meanOfPerFunctionErrors() {
        assertThat(OperatorMetrics.meanRelativeL2(PRED, TRUTH)).isCloseTo((0.2 + 0.5) / 2, offset(1e-15));
    }

    @Test
    void globalErrorPoolsAllFunctionsAndPoints() {
        // sqrt((1 + 0.25) / (25 + 1))
        assertThat(OperatorMetrics.globalRelativeL2(PRED, TRUTH)).isCloseTo(Math.sqrt(1.25 / 26), offset(1e-15));
        // one function: both metrics are its relative error
        assertThat(OperatorMetrics.globalRelativeL2(new double[][] {PRED[0]}, new double[][] {TRUTH[0]}))
                .isCloseTo(0.2, offset(1e-15));
    }
}
