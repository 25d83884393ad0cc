package org.dl4jsnn.reproduce.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.dl4jsnn.reproduce.GridPrediction;

/**
 * Truth, prediction and pointwise |error| of a {@link GridPrediction} side by side, each with axes
 * and a colour bar (the paper's figures 5 and 7). Drawn by hand because XChart's HeatMapChart
 * labels every grid cell, which is unreadable at 100 x 100.
 *
 * <p>Truth and prediction share one colour scale so equal colours mean equal values; the error has
 * its own, starting at 0.
 */
final class HeatmapFigure {

    private static final int PANEL_W = 400;
    private static final int PANEL_H = 345;
    private static final int HEADER_H = 34;
    private static final int PLOT = 260;
    private static final int LEFT = 58;
    private static final int TOP = 30;
    private static final int BAR_GAP = 14;
    private static final int BAR_W = 14;
    private static final int TICKS = 6;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font HEADER = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private HeatmapFigure() {
    }

    static BufferedImage render(String heading, GridPrediction g) {
        double[][] truth = g.truth();
        double[][] pred = g.prediction();
        double[][] error = new double[truth.length][truth[0].length];
        for (int i = 0; i < truth.length; i++) {
            for (int j = 0; j < truth[i].length; j++) {
                error[i][j] = Math.abs(pred[i][j] - truth[i][j]);
            }
        }
        double[] valueRange = range(truth, pred);
        double[] errorRange = {0, range(error)[1]};

        BufferedImage img = new BufferedImage(3 * PANEL_W, HEADER_H + PANEL_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = img.createGraphics();
        try {
            gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            gr.setColor(Color.WHITE);
            gr.fillRect(0, 0, img.getWidth(), img.getHeight());
            gr.setColor(Color.BLACK);
            gr.setFont(HEADER);
            drawCentred(gr, heading, img.getWidth() / 2, 22);
            double[] xs = g.xs();
            double[] ys = g.ys();
            panel(gr, 0, "truth", truth, xs, ys, g, valueRange, ColourMap.VIRIDIS);
            panel(gr, PANEL_W, "prediction", pred, xs, ys, g, valueRange, ColourMap.VIRIDIS);
            panel(gr, 2 * PANEL_W, "|error|", error, xs, ys, g, errorRange, ColourMap.INFERNO);
        } finally {
            gr.dispose();
        }
        return img;
    }

    private static void panel(Graphics2D gr, int x0, String title, double[][] v, double[] xs, double[] ys,
                              GridPrediction g, double[] range, ColourMap map) {
        int y0 = HEADER_H;
        int px = x0 + LEFT;
        int py = y0 + TOP;
        gr.setColor(Color.BLACK);
        gr.setFont(TITLE);
        drawCentred(gr, title, px + PLOT / 2, y0 + 20);

        int nx = v.length;
        int ny = v[0].length;
        BufferedImage cells = new BufferedImage(PLOT, PLOT, BufferedImage.TYPE_INT_RGB);
        double span = range[1] - range[0];
        for (int a = 0; a < PLOT; a++) {
            int i = Math.min(nx - 1, a * nx / PLOT);
            for (int b = 0; b < PLOT; b++) {
                // image rows run downwards, y runs upwards
                int j = Math.min(ny - 1, (PLOT - 1 - b) * ny / PLOT);
                cells.setRGB(a, b, map.rgb((v[i][j] - range[0]) / span));
            }
        }
        gr.drawImage(cells, px, py, null);
        gr.setColor(Color.DARK_GRAY);
        gr.setStroke(new BasicStroke(1f));
        gr.drawRect(px, py, PLOT, PLOT);

        double xMin = Math.min(xs[0], xs[nx - 1]);
        double xMax = Math.max(xs[0], xs[nx - 1]);
        double yMin = Math.min(ys[0], ys[ny - 1]);
        double yMax = Math.max(ys[0], ys[ny - 1]);
        gr.setFont(TICK);
        FontMetrics fm = gr.getFontMetrics();
        for (double t : NiceTicks.of(xMin, xMax, TICKS)) {
            int x = px + (int) Math.round((t - xMin) / (xMax - xMin) * PLOT);
            gr.drawLine(x, py + PLOT, x, py + PLOT + 4);
            drawCentred(gr, format(t), x, py + PLOT + 6 + fm.getAscent());
        }
        for (double t : NiceTicks.of(yMin, yMax, TICKS)) {
            int y = py + PLOT - (int) Math.round((t - yMin) / (yMax - yMin) * PLOT);
            gr.drawLine(px - 4, y, px, y);
            String s = format(t);
            gr.drawString(s, px - 6 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
        }
        gr.setFont(LABEL);
        drawCentred(gr, g.xLabel(), px + PLOT / 2, py + PLOT + 36);
        AffineTransform saved = gr.getTransform();
        gr.rotate(-Math.PI / 2, x0 + 14, py + PLOT / 2.0);
        drawCentred(gr, g.yLabel(), x0 + 14, py + PLOT / 2 + 4);
        gr.setTransform(saved);

        colourBar(gr, px + PLOT + BAR_GAP, py, range, map);
    }

    private static void colourBar(Graphics2D gr, int bx, int by, double[] range, ColourMap map) {
        for (int b = 0; b < PLOT; b++) {
            gr.setColor(new Color(map.rgb(1 - b / (double) (PLOT - 1))));
            gr.drawLine(bx, by + b, bx + BAR_W, by + b);
        }
        gr.setColor(Color.DARK_GRAY);
        gr.drawRect(bx, by, BAR_W, PLOT);
        gr.setFont(TICK);
        FontMetrics fm = gr.getFontMetrics();
        for (double t : NiceTicks.of(range[0], range[1], TICKS)) {
            int y = by + PLOT - (int) Math.round((t - range[0]) / (range[1] - range[0]) * PLOT);
            gr.drawLine(bx + BAR_W, y, bx + BAR_W + 3, y);
            gr.drawString(format(t), bx + BAR_W + 5, y + fm.getAscent() / 2 - 1);
        }
    }

    /** [min, max] over the finite values, widened if flat so the colour scale is defined. */
    private static double[] range(double[][]... grids) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[][] grid : grids) {
            for (double[] row : grid) {
                for (double v : row) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            double pad = Math.max(1e-12, Math.abs(hi) * 1e-3);
            return new double[] {lo - pad, hi + pad};
        }
        return new double[] {lo, hi};
    }

    private static String format(double v) {
        String s = String.format(Locale.ROOT, "%.3g", v);
        // "1.00" -> "1", "0.500" -> "0.5": tick values are round, their labels should be too
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    private static void drawCentred(Graphics2D gr, String text, int cx, int baseline) {
        gr.drawString(text, cx - gr.getFontMetrics().stringWidth(text) / 2, baseline);
    }
}
