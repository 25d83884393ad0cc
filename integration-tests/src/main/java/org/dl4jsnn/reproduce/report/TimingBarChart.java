package org.dl4jsnn.reproduce.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** Milliseconds per training iteration, one bar per method. */
final class TimingBarChart {

    private TimingBarChart() {
    }

    /** @return empty when no method has a measured time */
    static Optional<CategoryChart> of(List<MethodSummary> summaries) {
        List<String> names = new ArrayList<>();
        List<Double> ms = new ArrayList<>();
        for (MethodSummary s : summaries) {
            if (Double.isFinite(s.meanMsPerIter())) {
                names.add(s.method().label());
                ms.add(s.meanMsPerIter());
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("Time per training iteration").xAxisTitle("method").yAxisTitle("ms / iteration").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsPosition(0.9);
        if (names.size() > 4) {
            chart.getStyler().setXAxisLabelRotation(30);
        }
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#0.##");
        chart.addSeries("ms per iteration", names, ms);
        return Optional.of(chart);
    }
}
