package org.dl4jsnn.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code reproduce --spark} refuses early, before anything is trained or written: without module
 * dl4j-rfg-spark on the class path (it is not on this module's), and for methods the Spark trainer cannot
 * train. The training through Spark itself is tested in dl4j-rfg-spark (SparkReproduceCliTest).
 */
class SparkOptionTest {

    @TempDir
    Path tmp;

    private CliHarness.Result run(FakeTaskRunner runner, String... more) {
        return new CliHarness(runner).run(CliHarness.concat(new String[] {"reproduce", "mexican-hat", "--out",
            tmp.resolve("out").toString()}, more));
    }

    @Test
    void withoutTheSparkModuleTheErrorIsOneLineNamingTheModuleToBuild() {
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");

        CliHarness.Result r = run(runner, "--spark", "local[2]", "--methods", "SG-BP,SG-RFG-L");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().filter(l -> l.contains("--spark")).toList()).containsExactly("dl4j-snn: --spark: module"
                + " dl4j-rfg-spark is not on the class path; build it with 'mvn -pl dl4j-rfg-spark -am package"
                + " -DskipTests' (bin/dl4j-snn then adds it)");
        assertThat(runner.calls).isEmpty();
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "SG-RFG-A; SG-RFG-A: activity perturbation (RFG-A) is not supported by the Spark trainer",
        "SG-BP,WSG-RFG-L-LL; WSG-RFG-L-LL: local losses (-LL) add outputs the Spark trainer does not train"})
    void methodsTheSparkTrainerCannotTrainAreRefusedByName(String methods, String message) {
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");

        CliHarness.Result r = run(runner, "--spark", "local[2]", "--methods", methods);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("--spark: " + message).contains("supported: BP, RFG-G, RFG-L without -LL");
        assertThat(runner.calls).isEmpty();
    }

    @Test
    void aBlankMasterIsRefused() {
        CliHarness.Result r = run(FakeTaskRunner.grid("mexican-hat"), "--spark", " ");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--spark: needs a Spark master such as local[2]");
    }
}
