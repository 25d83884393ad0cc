package org.dl4jsnn.reproduce.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.dl4jsnn.reproduce.GridPrediction;
import org.junit.jupiter.api.Test;

class HeatmapFigureTest {

    @Test
    void panelsShowTruthPredictionAndErrorInTheirColourMaps() {
        int n = 11;
        double[] xs = new double[n];
        double[][] truth = new double[n][n];
        double[][] pred = new double[n][n];
        for (int i = 0; i < n; i++) {
            xs[i] = i / (n - 1.0);
            for (int j = 0; j < n; j++) {
                truth[i][j] = xs[i];
                pred[i][j] = xs[i];
            }
        }
        pred[n - 1][n - 1] = Double.NaN;

        BufferedImage img = HeatmapFigure.render("title", new GridPrediction("x", "y", xs, xs.clone(), truth, pred));

        assertThat(img.getWidth()).isEqualTo(1200);
        // truth increases with x: the left edge of the first panel is viridis' dark purple, the right its yellow
        int top = 34 + 30 + 130;
        assertThat(img.getRGB(58 + 2, top) & 0xFFFFFF).isEqualTo(ColourMap.VIRIDIS.rgb(0) & 0xFFFFFF);
        assertThat(img.getRGB(58 + 257, top) & 0xFFFFFF).isEqualTo(ColourMap.VIRIDIS.rgb(1) & 0xFFFFFF);
        // zero error is inferno's black; the NaN prediction (top right corner) is grey in the prediction panel
        assertThat(img.getRGB(800 + 58 + 100, top) & 0xFFFFFF).isEqualTo(ColourMap.INFERNO.rgb(0) & 0xFFFFFF);
        assertThat(img.getRGB(400 + 58 + 258, 34 + 30 + 2)).isEqualTo(ColourMap.MISSING.getRGB());
    }

    @Test
    void ticksAreRound() {
        assertThat(NiceTicks.of(-3, 3, 6)).containsExactly(-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0);
        assertThat(NiceTicks.of(0, 1, 6)).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
        assertThat(NiceTicks.of(-0.45, 1, 6)).isEqualTo(List.of(-0.4, -0.2, 0.0, 0.2, 0.4, 0.6, 0.8, 1.0));
        assertThat(NiceTicks.of(0, 0.0123, 6)).isEqualTo(List.of(0.0, 0.002, 0.004, 0.006, 0.008, 0.01, 0.012));
    }
}
