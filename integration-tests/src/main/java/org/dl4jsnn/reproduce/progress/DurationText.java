package org.dl4jsnn.reproduce.progress;

import java.time.Duration;

/** Short human durations for progress lines: "45s", "3m05s", "2h07m". */
public final class DurationText {

    private DurationText() {
    }

    public static String of(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
