package org.dl4jsnn.reproduce.report;

import java.awt.Color;

/**
 * Perceptually uniform colour maps (anchor colours of matplotlib's viridis and inferno, linearly
 * interpolated): equal steps in value look like equal steps in colour, and they survive greyscale
 * printing, which a rainbow map does not.
 */
enum ColourMap {
    VIRIDIS(new int[][] {
        {68, 1, 84}, {71, 44, 122}, {59, 81, 139}, {44, 113, 142}, {33, 144, 141},
        {39, 173, 129}, {92, 200, 99}, {170, 220, 50}, {253, 231, 37}}),
    INFERNO(new int[][] {
        {0, 0, 4}, {31, 12, 72}, {85, 15, 109}, {136, 34, 106}, {186, 54, 85},
        {227, 89, 51}, {249, 140, 10}, {249, 201, 50}, {252, 255, 164}});

    /** Drawn where a value is NaN, so missing predictions are visible rather than mapped to a colour. */
    static final Color MISSING = new Color(160, 160, 160);

    private final int[][] anchors;

    ColourMap(int[][] anchors) {
        this.anchors = anchors;
    }

    /** @param t position in [0, 1]; clamped */
    int rgb(double t) {
        if (Double.isNaN(t)) {
            return MISSING.getRGB();
        }
        double u = Math.max(0, Math.min(1, t)) * (anchors.length - 1);
        int i = Math.min((int) u, anchors.length - 2);
        double f = u - i;
        int r = (int) Math.round(anchors[i][0] + f * (anchors[i + 1][0] - anchors[i][0]));
        int g = (int) Math.round(anchors[i][1] + f * (anchors[i + 1][1] - anchors[i][1]));
        int b = (int) Math.round(anchors[i][2] + f * (anchors[i + 1][2] - anchors[i][2]));
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }
}
