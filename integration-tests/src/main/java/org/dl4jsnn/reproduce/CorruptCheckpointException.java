package org.dl4jsnn.reproduce;

import java.nio.file.Path;

/** A stored checkpoint failed its integrity check; names the file so the user can delete it. */
public final class CorruptCheckpointException extends RuntimeException {

    private final transient Path file;

    public CorruptCheckpointException(Path file, String problem) {
        super("corrupt checkpoint " + file + ": " + problem
                + " (delete the file to restart that run from iteration 0)");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
