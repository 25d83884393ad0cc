package org.dl4jsnn.reproduce.store;

import java.nio.file.Path;

/** A file the tool wrote earlier (run record, settings) cannot be read back. */
public final class CorruptStateException extends RuntimeException {

    public CorruptStateException(Path file, String problem) {
        super("unreadable " + file + ": " + problem + " (delete it, or start over with --force)");
    }
}
