package org.dl4jsnn.reproduce.cli;

import java.io.PrintWriter;
import org.dl4jsnn.reproduce.CorruptCheckpointException;
import org.dl4jsnn.reproduce.store.CorruptStateException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into a message and an exit code. Damaged state gets a one-line
 * message (the user's fix is to delete a named file); anything unexpected also gets its stack trace.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof CorruptCheckpointException || ex instanceof CorruptStateException) {
            err.println("dl4j-snn: error: " + ex.getMessage());
            err.flush();
            return ExitCodes.CORRUPT_STATE;
        }
        if (ex instanceof org.dl4jsnn.export.ModelFileException || ex instanceof org.dl4jsnn.export.NetxFormatException
                || ex instanceof org.dl4jsnn.export.UnsupportedModelException) {
            // export/emulate: a bad input file or an unexportable model; the message names file, layer and field
            err.println("dl4j-snn: error: " + ex.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
        err.println("dl4j-snn: failed: " + ex);
        ex.printStackTrace(err);
        if ("reproduce".equals(cmd.getCommandName())) {
            err.println("Finished runs and checkpoints are kept in --out; rerun with --resume to continue.");
        }
        err.flush();
        return ExitCodes.FAILURE;
    }
}
