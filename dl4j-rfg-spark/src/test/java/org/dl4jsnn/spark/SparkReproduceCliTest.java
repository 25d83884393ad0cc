package org.dl4jsnn.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.dl4jsnn.reproduce.Dl4jSnnCli;
import org.dl4jsnn.reproduce.json.ResultsJson;
import org.dl4jsnn.reproduce.tasks.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dl4j-snn reproduce mexican-hat --spark local[2]} end to end through the command line's entry point,
 * which finds this module's trainer as a service (docs/design.md section 9).
 *
 * <p>Proof that Spark trained: Spark's event log (turned on through the spark.* system properties every
 * SparkConf reads) records the barrier jobs; proof that it trained the right thing: data-parallel
 * back-propagation over two shards is the whole batch's gradient, so its test error equals local training's
 * up to the summation order's round-off (the bound of SparkRfgTrainerTest, far below any real difference).
 */
class SparkReproduceCliTest {

    private static final double BOUND = 1e-6;

    @TempDir
    Path tmp;

    @BeforeEach
    void eventLog() throws IOException {
        System.setProperty("spark.eventLog.enabled", "true");
        System.setProperty("spark.eventLog.dir", Files.createDirectories(tmp.resolve("events")).toUri().toString());
        System.setProperty("spark.driver.host", "127.0.0.1");
    }

    @AfterEach
    void noEventLog() {
        System.clearProperty("spark.eventLog.enabled");
        System.clearProperty("spark.eventLog.dir");
        System.clearProperty("spark.driver.host");
    }

    private static Map<String, Double> reproduce(Path out, String... more) throws IOException {
        String[] base = {"reproduce", "mexican-hat", "--methods", "SG-BP,SG-RFG-L", "--iterations", "5", "--batch",
            "64", "--eval-every", "5", "--out", out.toString(), "--progress", "none"};
        String[] args = Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
        StringWriter err = new StringWriter();
        int code = new Dl4jSnnCli(Tasks.registry()).execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                args);
        assertThat(code).as(err.toString()).isZero();
        ResultsJson.Results results = new ResultsJson().read(Files.readAllBytes(out.resolve("results.json")));
        return results.runs().stream().collect(Collectors.toMap(ResultsJson.Row::method, ResultsJson.Row::relL2));
    }

    @Test
    void reproduceWithSparkTrainsThroughBarrierJobsAndRecordsTheMaster() throws IOException {
        Path spark = tmp.resolve("spark");
        Map<String, Double> distributed = reproduce(spark, "--spark", "local[2]");
        Map<String, Double> local = reproduce(tmp.resolve("local"));

        System.out.printf("relative L2 test error: spark %s, local %s%n", distributed, local);
        assertThat(distributed.keySet()).containsExactlyInAnyOrder("SG-BP", "SG-RFG-L");
        assertThat(distributed.values()).allMatch(Double::isFinite);
        assertThat(distributed.get("SG-BP")).isCloseTo(local.get("SG-BP"),
                Offset.offset(BOUND * Math.abs(local.get("SG-BP"))));

        List<Path> logs;
        try (Stream<Path> s = Files.list(tmp.resolve("events"))) {
            logs = s.toList();
        }
        // one Spark application per run (the two methods), each with its barrier stage
        assertThat(logs).hasSize(2);
        for (Path log : logs) {
            String events = Files.readString(log);
            assertThat(events.contains("\"Event\":\"SparkListenerJobStart\"") && events.contains("\"Barrier\":true"))
                    .as("a barrier job in " + log).isTrue();
        }
        assertThat(Files.readString(spark.resolve("settings.json"))).contains("spark master").contains("local[2]");
        assertThat(Files.readString(spark.resolve("report.md"))).contains("local[2]");
    }
}
