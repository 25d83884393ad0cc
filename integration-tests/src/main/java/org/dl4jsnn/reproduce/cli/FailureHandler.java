package org.dl4jsnn.reproduce.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.dl4jsnn.reproduce.CheckpointMismatchException;
import org.dl4jsnn.reproduce.CorruptCheckpointException;
import org.dl4jsnn.reproduce.InsufficientMemoryException;
import org.dl4jsnn.reproduce.RunRecordMismatchException;
import org.dl4jsnn.reproduce.TrainingDivergedException;
import org.dl4jsnn.reproduce.store.CorruptStateException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into one line naming the cause, and an exit code. The stack trace
 * follows only with {@code --verbose}: a person needs the cause, a bug report needs the trace.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    static final String VERBOSE = "--verbose";

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int code = exitCode(ex);
        err.println("dl4j-snn: error: " + cause(ex));
        if (code == ExitCodes.FAILURE && "reproduce".equals(cmd.getCommandName()) && resumable(ex)) {
            err.println("Finished runs and checkpoints are kept in --out; rerun with --resume to continue.");
        }
        if (verbose(parseResult)) {
            ex.printStackTrace(err);
        } else if (code == ExitCodes.FAILURE && !(ex instanceof TrainingDivergedException)) {
            err.println("(add " + VERBOSE + " for the stack trace)");
        }
        err.flush();
        return code;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof CorruptCheckpointException || ex instanceof CorruptStateException
                || ex instanceof CheckpointMismatchException || ex instanceof RunRecordMismatchException) {
            return ExitCodes.CORRUPT_STATE;
        }
        if (ex instanceof InsufficientMemoryException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.FAILURE;
    }

    /** The exception's own message when it has one a person can read, else its type. */
    static String cause(Throwable ex) {
        Throwable t = ex;
        // wrappers that only add their class name to the real cause
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().equals(t.getCause().toString()))) {
            t = t.getCause();
        }
        if (t instanceof OutOfMemoryError) {
            return "out of memory (" + t.getMessage() + "); give the JVM more heap (DL4J_SNN_XMX) or lower --batch"
                    + " or --directions";
        }
        if (t.getMessage() == null || t.getMessage().isBlank()) {
            return t.getClass().getSimpleName();
        }
        boolean selfExplaining = t instanceof UncheckedIOException || t instanceof TrainingDivergedException
                || t instanceof IllegalArgumentException || t instanceof IllegalStateException
                || t.getClass().getName().startsWith("org.dl4jsnn.");
        return selfExplaining ? t.getMessage() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** Whether --resume can get past this: not for problems that would recur identically. */
    private static boolean resumable(Exception ex) {
        return !(ex instanceof UncheckedIOException || ex instanceof TrainingDivergedException);
    }

    static boolean verbose(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }
}
