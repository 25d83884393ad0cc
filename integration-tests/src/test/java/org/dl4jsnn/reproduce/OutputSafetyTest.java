package org.dl4jsnn.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dl4jsnn.reproduce.store.AtomicFiles;
import org.dl4jsnn.reproduce.store.FolderLock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resume, locking, writability and error output of the command line (no training: a fake task). */
class OutputSafetyTest {

    @TempDir
    Path tmp;

    private static String[] reproduce(Path out, String... more) {
        return CliHarness.concat(new String[] {"reproduce", "mexican-hat", "--methods", "SG-BP", "--iterations", "8",
            "--progress", "none", "--out", out.toString()}, more);
    }

    @Test
    void resumeIntoAFolderThatDoesNotExistIsRefused() {
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        Path out = tmp.resolve("never-made");

        CliHarness.Result r = new CliHarness(runner).run(reproduce(out, "--resume"));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("--resume", "nothing to resume", "does not exist");
        assertThat(out).doesNotExist();
        assertThat(runner.calls).isEmpty();
    }

    @Test
    void aSecondRunOnAFolderInUseIsRefusedNamingTheHoldersPid() {
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        Path out = tmp.resolve("busy");
        try (FolderLock held = FolderLock.acquire(out)) {
            CliHarness.Result r = new CliHarness(runner).run(reproduce(out));

            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains("--out", "in use by another dl4j-snn run",
                    "PID " + ProcessHandle.current().pid());
            assertThat(runner.calls).isEmpty();
            assertThat(out.resolve("results.json")).doesNotExist();
        }
        // released: the same command now runs
        assertThat(new CliHarness(runner).run(reproduce(out)).exitCode()).isZero();
    }

    /** Root may write wherever permission bits allow, yet not into /proc: only writing tells. */
    @Test
    void anOutputFolderThatCannotBeWrittenFailsBeforeAnyWork() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        FakeBenchmarkRunner bench = new FakeBenchmarkRunner();
        CliHarness cli = new CliHarness(new TaskRegistry(List.of(runner), bench));

        CliHarness.Result r = cli.run(reproduce(Path.of("/proc/dl4j-snn-test-out")));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("--out", "cannot write into /proc/dl4j-snn-test-out");
        assertThat(runner.calls).isEmpty();

        CliHarness.Result b = cli.run("bench", "--batches", "10", "--out", "/proc/dl4j-snn-test-out");
        assertThat(b.exitCode()).as(b.err()).isEqualTo(2);
        assertThat(b.err()).contains("--out", "cannot write into");
        assertThat(bench.received).as("nothing measured").isNull();
    }

    @Test
    void aFailureIsOneLineNamingTheCauseAndVerboseAddsTheTrace() {
        FakeTaskRunner runner = FakeTaskRunner.grid("mexican-hat");
        runner.killAtHalfwayOf = "mexican-hat.SG-BP.seed0";

        CliHarness.Result r = new CliHarness(runner).run(reproduce(tmp.resolve("a")));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("dl4j-snn: error: simulated kill of mexican-hat.SG-BP.seed0")
                .contains("--verbose").doesNotContain("\tat ").doesNotContain("Exception");

        CliHarness.Result verbose = new CliHarness(runner).run(reproduce(tmp.resolve("b"), "--verbose"));
        assertThat(verbose.exitCode()).isEqualTo(1);
        assertThat(verbose.err()).contains("dl4j-snn: error: simulated kill").contains("\tat ")
                .contains("IllegalStateException");
    }

    /** Files the tool writes get what the user's umask gives any new file, like the report does. */
    @Test
    void writtenFilesFollowTheUmask() throws IOException {
        Assumptions.assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path target = tmp.resolve("record.json");
        AtomicFiles.write(target, new byte[] {1, 2, 3});
        Path plain = Files.createFile(tmp.resolve("plain"));
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));

        Path out = tmp.resolve("run");
        assertThat(new CliHarness(FakeTaskRunner.grid("mexican-hat")).run(reproduce(out)).exitCode()).isZero();
        for (Path p : new Path[] {out.resolve("settings.json"), out.resolve("results.json"),
            out.resolve("runs/mexican-hat.SG-BP.seed0.json")}) {
            assertThat(Files.getPosixFilePermissions(p)).as(p.toString())
                    .isEqualTo(Files.getPosixFilePermissions(plain));
        }
    }
}
