package org.dl4jsnn.reproduce.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;
import org.dl4jsnn.reproduce.MethodRun;
import org.dl4jsnn.reproduce.TrainingPoint;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** One quantity of the training curves (loss or test error) for all methods, on a log scale. */
final class TrainingCurvesChart {

    static final int MAX_POINTS = 2000;

    private TrainingCurvesChart() {
    }

    /**
     * @return empty when no method has a positive finite value to plot (a log axis cannot show the
     *     rest), so the report leaves the figure out instead of embedding a blank one
     */
    static Optional<XYChart> of(String title, String yTitle, List<MethodRun> runs,
                                ToDoubleFunction<TrainingPoint> quantity) {
        return of(title, "iteration", yTitle, runs, quantity, (run, p) -> p.iteration());
    }

    /**
     * The same against training time: iteration times the run's mean seconds per iteration, so that
     * methods whose iterations cost differently are compared at equal time. Runs without a measured
     * time per iteration are left out.
     */
    static Optional<XYChart> againstTime(String title, String yTitle, List<MethodRun> runs,
                                         ToDoubleFunction<TrainingPoint> quantity) {
        List<MethodRun> timed = runs.stream().filter(r -> r.msPerIter() > 0 && Double.isFinite(r.msPerIter()))
                .toList();
        return of(title, "training time (s, iteration x mean time per iteration)", yTitle, timed, quantity,
                (run, p) -> p.iteration() * run.msPerIter() / 1000);
    }

    private static Optional<XYChart> of(String title, String xTitle, String yTitle, List<MethodRun> runs,
                                        ToDoubleFunction<TrainingPoint> quantity,
                                        ToDoubleBiFunction<MethodRun, TrainingPoint> x) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        // from 0, so XChart places round ticks rather than ticks offset by the first iteration
        chart.getStyler().setXAxisMin(0.0);
        int added = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int m = 0; m < runs.size(); m++) {
            MethodRun run = runs.get(m);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<TrainingPoint> curve = run.curve();
            // a few thousand points draw the same picture as a hundred thousand, much faster
            int stride = Math.max(1, curve.size() / MAX_POINTS);
            for (int i = 0; i < curve.size(); i++) {
                if (i % stride != 0 && i != curve.size() - 1) {
                    continue;
                }
                TrainingPoint p = curve.get(i);
                double v = quantity.applyAsDouble(p);
                if (v > 0 && Double.isFinite(v)) {
                    xs.add(x.applyAsDouble(run, p));
                    ys.add(v);
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(run.method(), xs, ys);
            s.setMarker(xs.size() > 40 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            s.setLineColor(ChartStyle.colour(m));
            s.setMarkerColor(ChartStyle.colour(m));
            added++;
        }
        // test errors often span less than a decade, where decade-only ticks leave one label or none;
        // losses span several, where intermediate ticks would pile up
        chart.getStyler().setYAxisLogarithmicDecadeOnly(hi / lo > 30);
        return added == 0 ? Optional.empty() : Optional.of(chart);
    }
}
