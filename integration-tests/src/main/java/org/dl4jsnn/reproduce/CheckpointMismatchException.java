package org.dl4jsnn.reproduce;

import java.nio.file.Path;

/** A checkpoint belongs to another run (other task, method, seed or settings) than the one resuming it. */
public final class CheckpointMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CheckpointMismatchException(Path file, String saved, String expected) {
        super("checkpoint " + file + " belongs to another run: it was saved by {" + saved + "}, but this run is {"
                + expected + "}; delete the file to start this run from iteration 0, or pass --force to start over");
    }
}
