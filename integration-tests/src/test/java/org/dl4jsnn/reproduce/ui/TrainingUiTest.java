package org.dl4jsnn.reproduce.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.testing.MexicanHatData;
import org.dl4jsnn.testing.Networks;
import org.dl4jsnn.train.RfgMultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/** DL4J's training UI serving an RFG training: what it serves over HTTP is what the training did. */
class TrainingUiTest {

    private static final int ITERATIONS = 8;

    /** What DL4J tells every listener, recorded independently of the UI. */
    private static final class Recorder extends BaseTrainingListener {
        final List<Integer> iterations = new ArrayList<>();
        final List<Double> scores = new ArrayList<>();

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            iterations.add(iteration);
            scores.add(model.score());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheScoresAndIterationsOfAnRfgTraining() throws Exception {
        int port = freePort();
        try (TrainingUi ui = TrainingUi.start(port)) {
            assertThat(ui.port()).isEqualTo(port);
            RfgMultiLayerNetwork net = new RfgMultiLayerNetwork(Networks.mlp(5, DataType.FLOAT, new Adam(1e-2), 2, 1,
                    new SpikingDense.Builder().timeSteps(8), 8), RfgSettings.layerwise(2));
            net.init();
            Recorder recorder = new Recorder();
            net.setListeners(ui.listener("rfg-test", 1), recorder);
            DataSet data = MexicanHatData.train(64, 1, DataType.FLOAT);
            for (int i = 0; i < ITERATIONS; i++) {
                net.fit(data);
            }

            HttpResponse<String> page = get(ui.url());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<html");

            // the UI takes in storage events on its own thread: poll until it has seen all the iterations
            JsonNode data0 = null;
            long deadline = System.nanoTime() + 20_000_000_000L;
            do {
                if (data0 != null) {
                    Thread.sleep(50);
                }
                HttpResponse<String> response = get("http://localhost:" + port + "/train/overview/data");
                assertThat(response.statusCode()).isEqualTo(200);
                data0 = new ObjectMapper().readTree(response.body());
            } while (data0.get("scoresIter").size() < ITERATIONS && System.nanoTime() < deadline);
            List<Integer> servedIterations = new ArrayList<>();
            data0.get("scoresIter").forEach(n -> servedIterations.add(n.asInt()));
            List<Double> servedScores = new ArrayList<>();
            data0.get("scores").forEach(n -> servedScores.add(n.asDouble()));

            assertThat(servedIterations).hasSize(ITERATIONS).isEqualTo(recorder.iterations);
            assertThat(servedScores).hasSize(ITERATIONS);
            for (int i = 0; i < ITERATIONS; i++) {
                assertThat(servedScores.get(i)).isCloseTo(recorder.scores.get(i), within(1e-12));
            }
            // the model table: a MultiLayerNetwork with the net's layer and parameter counts
            JsonNode model = data0.get("model");
            assertThat(model.get(0).get(1).asText()).isEqualTo("MultiLayerNetwork");
            assertThat(model.get(1).get(1).asInt()).isEqualTo(net.getnLayers());
            assertThat(model.get(2).get(1).asLong()).isEqualTo(net.numParams());
        }
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThatThrownBy(() -> TrainingUi.start(70000)).hasMessageContaining("UI port must be in 1..65535");
    }
}
