package org.dl4jsnn.reproduce.ui;

import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.ui.VertxUIServer;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.impl.DefaultStatsUpdateConfiguration;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;

/**
 * DL4J's training UI (a Vert.x web server) with one in-memory statistics store attached: every
 * training that takes a {@link #listener} shows up in the browser as its own session. RFG networks
 * report their score, parameters and the estimated gradient through it like any DL4J network.
 *
 * <p>DL4J keeps one UI server per JVM, so at most one of these may be open at a time.
 */
public final class TrainingUi implements AutoCloseable {

    private final StatsStorage storage = new InMemoryStatsStorage();
    private final VertxUIServer server;

    private TrainingUi(VertxUIServer server) {
        this.server = server;
        server.attach(storage);
    }

    /**
     * Starts the server on {@code port} of this machine.
     *
     * @param port 1-65535
     * @throws IllegalStateException if a DL4J UI server is already running in this JVM
     */
    public static TrainingUi start(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("UI port must be in 1..65535, got " + port);
        }
        return new TrainingUi(VertxUIServer.getInstance(port, false, null));
    }

    public int port() {
        return server.getPort();
    }

    /** The page a browser opens: the overview of the current session. */
    public String url() {
        return "http://localhost:" + port() + "/train/overview";
    }

    /**
     * A listener that sends one training's statistics to the UI as its own session.
     *
     * @param session the session's name in the UI (e.g. "SG-RFG-L seed 0"); must be unique per training
     * @param frequency collect every this many iterations, >= 1
     */
    public TrainingListener listener(String session, int frequency) {
        if (frequency < 1) {
            throw new IllegalArgumentException("UI frequency must be >= 1 iteration, got " + frequency);
        }
        return new StatsListener(storage, null,
                new DefaultStatsUpdateConfiguration.Builder().reportingFrequency(frequency).build(), session, null);
    }

    public StatsStorage storage() {
        return storage;
    }

    @Override
    public void close() {
        try {
            VertxUIServer.stopInstance();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the training UI on port " + port(), e);
        }
    }
}
