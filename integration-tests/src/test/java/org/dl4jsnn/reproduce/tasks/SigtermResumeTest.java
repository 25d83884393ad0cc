package org.dl4jsnn.reproduce.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dl4jsnn.reproduce.Dl4jSnnCli;
import org.dl4jsnn.reproduce.MethodRun;
import org.dl4jsnn.reproduce.json.MethodRunJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real tool in a child JVM, stopped by SIGTERM mid-run: it saves a checkpoint on the way out (the
 * periodic interval is an hour, so only the shutdown can have saved it), and --resume then ends
 * exactly where an uninterrupted run ends.
 *
 * <p>A second JVM starts ND4J, and two 200-iteration runs train: 16-27 s measured with the two cores
 * shared by six builds (load average 13-18), well under 20 s on a quiet machine.
 */
@ExtendWith(IsolatedDataCache.class)
class SigtermResumeTest {

    private static final String RUN = "mexican-hat.SG-RFG-L.seed0.json";
    private static final Pattern SAVED = Pattern.compile("saved at iteration (\\d+)");

    private static String[] args(Path out, String progress, String... more) {
        return Args.concat(new String[] {"reproduce", "mexican-hat", "--methods", "SG-RFG-L", "--iterations", "200",
            "--batch", "50", "--lr", "0.003", "--eval-every", "50", "--out", out.toString(), "--progress", progress,
            "--checkpoint-every", "1h"}, more);
    }

    private static int inProcess(String... args) {
        StringWriter err = new StringWriter();
        int code = new Dl4jSnnCli(Tasks.registry()).execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                args);
        assertThat(code).as(err.toString()).isZero();
        return code;
    }

    /** The child runs with this JVM's class path, module options and data cache, on one thread. */
    private static Process startChild(Path out, Path cache, Path stderr) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-") || a.startsWith("--enable-")) {
                cmd.add(a);
            }
        }
        cmd.add("-Ddl4j.snn.cache=" + cache);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Dl4jSnnCli.class.getName());
        cmd.addAll(List.of(args(out, "lines")));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    @Test
    void aSigtermedRunSavesACheckpointAndResumesToTheUninterruptedResult(@TempDir Path tmp) throws Exception {
        Path cache = IsolatedDataCache.directory();
        Path whole = tmp.resolve("whole");
        inProcess(args(whole, "none"));

        Path out = tmp.resolve("stopped");
        Path childErr = tmp.resolve("child-stderr.txt");
        Process child = startChild(out, cache, childErr);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(childErr).contains("] starting 200 iterations")) {
            assertThat(child.isAlive()).as("child still running: %s", Files.readString(childErr)).isTrue();
            assertThat(System.nanoTime()).as("child started training in time").isLessThan(deadline);
            Thread.sleep(50);
        }
        Thread.sleep(300);
        // SIGTERM through the handle: Process.destroy() would also close our end of its stderr
        child.toHandle().destroy();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child stopped").isTrue();
        String log = Files.readString(childErr);

        assertThat(child.exitValue()).as("killed by SIGTERM, not finished: %s", log).isEqualTo(143);
        Matcher saved = SAVED.matcher(log);
        assertThat(saved.find()).as(log).isTrue();
        int at = Integer.parseInt(saved.group(1));
        assertThat(at).isBetween(1, 199);
        assertThat(out.resolve("checkpoints").resolve("mexican-hat.SG-RFG-L.seed0.ckpt")).exists();
        assertThat(out.resolve("results.json")).doesNotExist();

        inProcess(args(out, "none", "--resume"));

        MethodRunJson json = new MethodRunJson();
        MethodRun expected = json.read(Files.readAllBytes(whole.resolve("runs").resolve(RUN)));
        MethodRun resumed = json.read(Files.readAllBytes(out.resolve("runs").resolve(RUN)));
        assertThat(resumed.relL2()).isEqualTo(expected.relL2());
        assertThat(resumed.curve()).isEqualTo(expected.curve());
        assertThat(resumed.spikeRate()).isEqualTo(expected.spikeRate());
    }
}
