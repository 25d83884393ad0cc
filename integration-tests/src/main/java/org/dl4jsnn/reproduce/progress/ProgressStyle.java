package org.dl4jsnn.reproduce.progress;

import java.io.PrintWriter;
import java.time.Duration;
import org.dl4jsnn.reproduce.TrainingMonitor;

/** How training progress is shown (--progress). */
public enum ProgressStyle {
    /** A bar on an interactive terminal, lines otherwise. */
    AUTO,
    BAR,
    LINES,
    NONE;

    public static final Duration LINE_INTERVAL = Duration.ofSeconds(10);

    public TrainingMonitor create(PrintWriter err) {
        return switch (this) {
            case AUTO -> System.console() != null ? new ProgressBarMonitor() : new LogLineMonitor(err, LINE_INTERVAL);
            case BAR -> new ProgressBarMonitor();
            case LINES -> new LogLineMonitor(err, LINE_INTERVAL);
            case NONE -> TrainingMonitor.silent();
        };
    }
}
