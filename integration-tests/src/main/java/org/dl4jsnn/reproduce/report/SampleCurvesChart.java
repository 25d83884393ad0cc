package org.dl4jsnn.reproduce.report;

import java.util.List;
import org.dl4jsnn.reproduce.CurveSamples;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A few test functions of one method: truth solid, prediction dashed in the same colour (figure 6). */
final class SampleCurvesChart {

    static final int MAX_SAMPLES = 4;

    private SampleCurvesChart() {
    }

    static XYChart of(String title, CurveSamples samples) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title).xAxisTitle(samples.xLabel()).yAxisTitle("u").build();
        ChartStyle.apply(chart.getStyler());
        double[] x = samples.x();
        List<double[]> truth = samples.truth();
        List<double[]> pred = samples.prediction();
        for (int k = 0; k < Math.min(MAX_SAMPLES, truth.size()); k++) {
            XYSeries t = chart.addSeries("sample " + (k + 1) + " truth", x, truth.get(k));
            t.setMarker(SeriesMarkers.NONE);
            t.setLineColor(ChartStyle.colour(k));
            t.setLineStyle(SeriesLines.SOLID);
            XYSeries p = chart.addSeries("sample " + (k + 1) + " prediction", x, finiteOrZero(pred.get(k)));
            p.setMarker(SeriesMarkers.NONE);
            p.setLineColor(ChartStyle.colour(k));
            p.setLineStyle(SeriesLines.DASH_DASH);
        }
        return chart;
    }

    /** XChart cannot scale an axis holding NaN; a diverged prediction still shows as flat. */
    private static double[] finiteOrZero(double[] v) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i])) {
                out[i] = 0;
            }
        }
        return out;
    }
}
