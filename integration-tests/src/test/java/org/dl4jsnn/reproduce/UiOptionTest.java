package org.dl4jsnn.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reproduce --ui}: the training UI starts on the asked port for the run and stops after it. */
class UiOptionTest {

    @TempDir
    Path tmp;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void uiServesDuringTheRunAndReleasesItsPortAfterwards() throws IOException {
        int port = freePort();
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");

        CliHarness.Result r = new CliHarness(runner).run("reproduce", "mexican-hat", "--methods", "SG-RFG-L",
                "--progress", "none", "--out", tmp.resolve("out").toString(), "--ui", "--ui-port", String.valueOf(port));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("Training UI: http://localhost:" + port + "/train/overview");
        assertThat(runner.calls).hasSize(1);
        try (ServerSocket again = new ServerSocket(port)) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void holdWithoutUiIsABadCommandLine() {
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");

        CliHarness.Result r = new CliHarness(runner).run("reproduce", "mexican-hat", "--out",
                tmp.resolve("out").toString(), "--ui-hold");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--ui-hold").contains("needs --ui");
        assertThat(runner.calls).isEmpty();
    }
}
