package org.dl4jsnn.reproduce.cli;

/** Process exit codes of dl4j-snn (documented in docs/results-schema.md). */
public final class ExitCodes {

    public static final int OK = 0;
    /** Training, I/O or another failure during the work. */
    public static final int FAILURE = 1;
    /** Bad command line: unknown task or method, bad number, unusable --out; nothing was written. */
    public static final int USAGE = 2;
    /** A checkpoint or run record in --out is damaged. */
    public static final int CORRUPT_STATE = 3;

    private ExitCodes() {
    }
}
