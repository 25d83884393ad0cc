package org.dl4jsnn.reproduce.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;
import org.dl4jsnn.reproduce.TrainingMonitor;
import org.dl4jsnn.reproduce.ui.TrainingUi;
import org.dl4jsnn.reproduce.ui.UiMonitor;
import picocli.CommandLine.Option;

/**
 * {@code --ui}: DL4J's training UI for any command that trains (a picocli mixin). Each run shows up
 * in the browser as a session named after it; the score, parameter and gradient statistics are
 * DL4J's own, the gradient being the RFG estimate for RFG methods.
 */
public final class UiOption {

    @Option(names = "--ui", description = "Serve DL4J's training UI while training (http://localhost:PORT/train).")
    boolean enabled;

    @Option(names = "--ui-port", paramLabel = "PORT", defaultValue = "9000",
            description = "Port of the training UI (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--ui-every", paramLabel = "N", defaultValue = "10",
            description = "Send statistics to the UI every N iterations (default ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--ui-hold", description = "Keep serving the UI after training until the process is"
            + " interrupted (Ctrl-C), so the finished curves can still be browsed.")
    boolean hold;

    /** Starts the UI if --ui was given, else returns null. */
    TrainingUi start(PrintWriter err) {
        if (!enabled) {
            if (hold) {
                throw new InvalidOptionException("--ui-hold", "needs --ui");
            }
            return null;
        }
        if (port < 1 || port > 65535) {
            throw new InvalidOptionException("--ui-port", "must be in 1..65535, got " + port);
        }
        if (every < 1) {
            throw new InvalidOptionException("--ui-every", "must be >= 1 iteration, got " + every);
        }
        TrainingUi ui = TrainingUi.start(port);
        err.println("Training UI: " + ui.url());
        err.flush();
        return ui;
    }

    /** The monitors of a training, each also feeding the UI when it runs. */
    Supplier<TrainingMonitor> monitors(Supplier<TrainingMonitor> progress, TrainingUi ui) {
        return ui == null ? progress : () -> new UiMonitor(progress.get(), ui, every);
    }

    /** Closes the UI, after waiting for an interrupt when --ui-hold asked for it. */
    void finish(TrainingUi ui, PrintWriter err) {
        if (ui == null) {
            return;
        }
        if (hold) {
            err.println("Training finished; the UI stays at " + ui.url() + " until interrupted (Ctrl-C).");
            err.flush();
            try {
                Thread.currentThread().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ui.close();
    }
}
