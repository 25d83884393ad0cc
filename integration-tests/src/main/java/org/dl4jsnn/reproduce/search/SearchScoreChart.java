package org.dl4jsnn.reproduce.search;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dl4jsnn.arbiter.run.CandidateRecord;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Validation error by candidate, one colour per gradient method, log scale (errors span decades). */
public final class SearchScoreChart {

    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14),
        new Color(44, 160, 44), new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75)};

    private SearchScoreChart() {
    }

    public static XYChart of(String title, List<CandidateRecord> records) {
        XYChart chart = new XYChartBuilder().width(900).height(520).title(title).xAxisTitle("candidate")
                .yAxisTitle("validation relative L2 error").build();
        var s = chart.getStyler();
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setMarkerSize(10);
        s.setYAxisLogarithmic(true);
        s.setXAxisDecimalPattern("#0");
        s.setSeriesColors(PALETTE.clone());
        Map<String, List<CandidateRecord>> byMethod = new LinkedHashMap<>();
        records.stream().filter(CandidateRecord::completed).sorted(Comparator.comparing(CandidateRecord::method))
                .forEach(r -> byMethod.computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r));
        if (byMethod.isEmpty()) {
            chart.addSeries("no completed candidate", new double[] {0}, new double[] {1}).setMarker(SeriesMarkers.NONE);
            return chart;
        }
        for (Map.Entry<String, List<CandidateRecord>> e : byMethod.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(CandidateRecord::index).toArray();
            double[] y = e.getValue().stream().mapToDouble(CandidateRecord::score).toArray();
            chart.addSeries(e.getKey(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    public static void writePng(XYChart chart, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
