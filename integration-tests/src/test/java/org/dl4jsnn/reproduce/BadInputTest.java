package org.dl4jsnn.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.dl4jsnn.reproduce.cli.RegistryLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BadInputTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> badCommandLines() {
        return Stream.of(
                Arguments.of(new String[] {"reproduce", "mexican-hats"}, "<task>", "allowed: mexican-hat, all"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--methods", "SG-BP,SG-XYZ"}, "--methods",
                        "valid forms"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--methods", "SG-BP,sg-bp"}, "--methods",
                        "twice"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--directions", "0"}, "--directions", ">= 1"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--iterations", "0"}, "--iterations", "> 0"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--batch", "-5"}, "--batch", "> 0"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--lr", "-1e-3"}, "--lr", "> 0"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--lr", "NaN"}, "--lr", "finite"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--lr", "Infinity"}, "--lr", "finite"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--preset", "slow"}, "--preset", "FAST"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--seeds", "1,x"}, "--seeds", "x"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--seeds", "3,3"}, "--seeds", "twice"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--resume", "--force"}, "--resume", "choose one"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--schedule", "linear"}, "--schedule",
                        "allowed: constant, step, cosine"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--init", "he"}, "--init",
                        "allowed: xavier, fan-in-uniform"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--reset-gradient", "bp=detached"},
                        "--reset-gradient", "bp=<detached|differentiated>,rfg="),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--rfg-groups", "neurons:0"}, "--rfg-groups",
                        "integer >= 1"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--rfg-directions", "sobol"},
                        "--rfg-directions", "allowed: rademacher, gaussian, orthogonal"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--methods", "SG-RFG-A", "--rfg-directions",
                        "orthogonal"}, "--rfg-directions", "rademacher or gaussian, not orthogonal"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--methods", "SG-RFG-A", "--activity-layers",
                        "all"}, "--activity-layers", "allowed: spiking, spiking+dense"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--methods", "SG-RFG-L", "--activity-layers",
                        "spiking+dense"}, "--activity-layers", "no RFG-A method"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--methods", "SG-RFG-LG-LL"}, "--methods",
                        "drop the -LL"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--methods", "SG-RFG-LGxK3"}, "--methods",
                        "or xK2"),
                Arguments.of(new String[] {"reproduce", "mexican-hat", "--grf-length-scale", "1"},
                        "--grf-length-scale", "has no Gaussian-random-field data"),
                Arguments.of(new String[] {"reproduce"}, "<task>", "Missing"),
                Arguments.of(new String[] {"frobnicate"}, "frobnicate", "Unmatched"),
                Arguments.of(new String[] {"bench", "--batches", "0"}, "--batches", "> 0"),
                Arguments.of(new String[] {"bench", "--iterations", "0"}, "--iterations", "> 0"));
    }

    @ParameterizedTest
    @MethodSource("badCommandLines")
    void badInputExitsWith2NamingTheOptionAndWritesNothing(String[] args, String option, String detail)
            throws IOException {
        Path out = tmp.resolve("out");
        String[] withOut = Stream.concat(Stream.of(args), args.length > 1 ? Stream.of("--out", out.toString()) : Stream.empty())
                .toArray(String[]::new);
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");

        CliHarness.Result r = new CliHarness(runner).run(withOut);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(option).contains(detail);
        assertThat(runner.calls).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void zeroThreadsAreRefusedWithTheAllowedRange() {
        CliHarness.Result r = new CliHarness(FakeTaskRunner.grid("mexican-hat")).run("reproduce", "mexican-hat",
                "--threads", "0", "--out", tmp.resolve("t").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--threads: must be >= 1, got 0");
    }

    @Test
    void anOutputFolderUnderARegularFileIsRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain.txt"), "not a folder");
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");

        CliHarness.Result r = new CliHarness(runner).run("reproduce", "mexican-hat", "--out",
                file.resolve("sub/dir").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--out").contains("plain.txt is a file");
        assertThat(runner.calls).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("not a folder");

        CliHarness.Result bench = new CliHarness(runner).run("bench", "--out", file.toString());
        assertThat(bench.exitCode()).isEqualTo(2);
        assertThat(bench.err()).contains("--out").contains("not a folder");
    }

    @Test
    void anEarlierReportIsNotOverwrittenWithoutResumeOrForce() throws IOException {
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        CliHarness cli = new CliHarness(runner);
        Path out = tmp.resolve("mh");
        String[] args = {"reproduce", "mexican-hat", "--methods", "SG-BP", "--iterations", "8", "--progress", "none",
            "--out", out.toString()};
        assertThat(cli.run(args).exitCode()).isZero();
        byte[] before = Files.readAllBytes(out.resolve("results.json"));

        CliHarness.Result again = cli.run(args);

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("--out", "already holds results", "--resume", "--force");
        assertThat(Files.readAllBytes(out.resolve("results.json"))).isEqualTo(before);
        assertThat(runner.calls).hasSize(1);

        Path keep = Files.writeString(out.resolve("notes.txt"), "mine");
        CliHarness.Result forced = cli.run(Stream.concat(Stream.of(args), Stream.of("--force")).toArray(String[]::new));
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(runner.calls).hasSize(2);
        assertThat(keep).hasContent("mine");
    }

    @Test
    void withoutATasksClassMainExplainsWhatIsMissing() {
        assertThatThrownBy(() -> RegistryLoader.load(
                "org.dl4jsnn.reproduce.tasks.NoSuchTasks", "registry"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no tasks are built into this jar")
                .hasMessageContaining("NoSuchTasks");
        assertThatThrownBy(() -> RegistryLoader.load(
                BadInputTest.class.getName(), "registry"))
                .hasMessageContaining("has no public method registry()");
    }
}
