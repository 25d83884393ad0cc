package org.dl4jsnn.reproduce.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dl4jsnn.reproduce.MethodRun;
import org.dl4jsnn.reproduce.TrainingPoint;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class TrainingCurvesChartTest {

    private static MethodRun run(String method, double msPerIter) {
        List<TrainingPoint> curve = List.of(new TrainingPoint(100, 0.5, 0.4), new TrainingPoint(200, 0.3, 0.2));
        return new MethodRun(method, 0, 200, 10, 1e-3, 0.2, 1, msPerIter, 0.1, curve, null);
    }

    @Test
    void timeAxisIsIterationTimesMeanSecondsPerIteration() {
        XYChart chart = TrainingCurvesChart.againstTime("t", "error",
                List.of(run("SG-BP", 40), run("SG-RFG-L", 10), run("SG-RFG-G", Double.NaN)), TrainingPoint::testError)
                .orElseThrow();
        // BP: 100 iterations x 40 ms = 4 s; RFG-L: 100 x 10 ms = 1 s; RFG-G has no time and is left out
        assertThat(chart.getSeriesMap().get("SG-BP").getXData()).containsExactly(4.0, 8.0);
        assertThat(chart.getSeriesMap().get("SG-RFG-L").getXData()).containsExactly(1.0, 2.0);
        assertThat(chart.getSeriesMap()).doesNotContainKey("SG-RFG-G");
        assertThat(chart.getSeriesMap().get("SG-BP").getYData()).containsExactly(0.4, 0.2);
    }
}
