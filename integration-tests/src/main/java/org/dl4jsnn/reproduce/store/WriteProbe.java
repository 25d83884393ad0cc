package org.dl4jsnn.reproduce.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Proves a folder can be written by writing into it: permission bits do not tell (root may write
 * anywhere the bits allow, yet not into /proc), and a command that finds out only when saving its
 * results has lost them. Creates the folder; leaves nothing else behind.
 */
public final class WriteProbe {

    private WriteProbe() {
    }

    /** Empty if a file could be created in {@code folder}, else why not. */
    public static Optional<String> problem(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            Path probe = Files.createFile(dir.resolve(".dl4j-snn-write-probe-" + ProcessHandle.current().pid()
                    + "-" + System.nanoTime()));
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("cannot write into " + dir + ": " + e);
        }
    }
}
