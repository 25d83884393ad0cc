package org.dl4jsnn.reproduce;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

/** Runs the CLI in-process and captures what it prints. */
final class CliHarness {

    record Result(int exitCode, String out, String err) {
    }

    private final Dl4jSnnCli cli;

    CliHarness(TaskRegistry registry) {
        this.cli = new Dl4jSnnCli(registry);
    }

    CliHarness(TaskRunner... runners) {
        this(new TaskRegistry(List.of(runners), new FakeBenchmarkRunner()));
    }

    /** The base arguments followed by more. */
    static String[] concat(String[] base, String... more) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = cli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
