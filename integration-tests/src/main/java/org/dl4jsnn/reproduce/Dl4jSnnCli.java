package org.dl4jsnn.reproduce;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.dl4jsnn.reproduce.cli.Commands;
import org.dl4jsnn.reproduce.cli.ExitCodes;
import org.dl4jsnn.reproduce.cli.RegistryLoader;
import picocli.CommandLine;

/**
 * The {@code dl4j-snn} command-line tool: {@code reproduce <task>} and {@code bench}.
 *
 * <p>{@link #main} takes its tasks from {@code org.dl4jsnn.reproduce.tasks.Tasks.registry()};
 * tests construct the tool with their own {@link TaskRegistry}.
 */
public final class Dl4jSnnCli {

    /** The system property DL4J reads for where its memory crash reports go (CrashReportingUtil). */
    static final String CRASH_DUMP_DIRECTORY = "org.deeplearning4j.crash.reporting.directory";

    private final TaskRegistry registry;

    public Dl4jSnnCli(TaskRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    public static void main(String[] args) {
        jvmDefaults();
        TaskRegistry registry;
        try {
            registry = RegistryLoader.load(RegistryLoader.TASKS_CLASS, RegistryLoader.FACTORY_METHOD);
        } catch (IllegalStateException e) {
            System.err.println("dl4j-snn: error: " + e.getMessage());
            System.exit(ExitCodes.FAILURE);
            return;
        }
        System.exit(new Dl4jSnnCli(registry).execute(args));
    }

    /** Runs one command line against the console; returns the exit code. */
    public int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs one command line; returns the exit code (see {@link ExitCodes}). */
    public int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = Commands.create(registry, "dl4j-snn " + quote(args));
        cli.setOut(out);
        cli.setErr(err);
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands only exceptions to the failure handler; an Error arrives here
            err.println("dl4j-snn: error: out of memory (" + e.getMessage() + "); give the JVM more heap"
                    + " (DL4J_SNN_XMX) or lower --batch or --directions. DL4J's memory report, if any, is in "
                    + System.getProperty(CRASH_DUMP_DIRECTORY, "the working folder"));
            code = ExitCodes.FAILURE;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** The command line as a shell would take it back, for the report. */
    private static String quote(String[] args) {
        return Arrays.stream(args)
                .map(a -> a.matches("[A-Za-z0-9_./=,:+-]+") ? a : "'" + a.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }

    /** System properties that must be set before AWT, SLF4J and DL4J initialise; the user's -D wins. */
    static void jvmDefaults() {
        // plots render without a display, log lines carry times
        setIfAbsent("java.awt.headless", "true");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss");
        // DL4J writes a memory report on OutOfMemoryError, by default into the working folder: keep it out
        setIfAbsent(CRASH_DUMP_DIRECTORY, Path.of(System.getProperty("java.io.tmpdir"), "dl4j-snn-crash-dumps")
                .toString());
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
