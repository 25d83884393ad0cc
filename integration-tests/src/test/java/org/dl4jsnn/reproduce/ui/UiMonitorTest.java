package org.dl4jsnn.reproduce.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.TrainingMonitor;
import org.junit.jupiter.api.Test;

class UiMonitorTest {

    @Test
    void eachRunGetsAStatsListenerOnlyAfterItStarted() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (TrainingUi ui = TrainingUi.start(port)) {
            UiMonitor monitor = new UiMonitor(TrainingMonitor.silent(), ui, 5);
            assertThatThrownBy(monitor::listeners).hasMessageContaining("before start()");
            monitor.start("SG-RFG-L seed 0", EvaluationSplit.TEST, 10, 0);
            assertThat(monitor.listeners()).singleElement().isInstanceOf(StatsListener.class);
            assertThatThrownBy(() -> new UiMonitor(TrainingMonitor.silent(), ui, 0))
                    .hasMessageContaining("UI frequency must be >= 1");
        }
    }
}
