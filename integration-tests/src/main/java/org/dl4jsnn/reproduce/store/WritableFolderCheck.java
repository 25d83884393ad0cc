package org.dl4jsnn.reproduce.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decides, without creating anything, whether a folder exists and is writable or could be created:
 * validation must not leave folders behind when it rejects the command.
 */
public final class WritableFolderCheck {

    private WritableFolderCheck() {
    }

    /** Empty if {@code folder} is usable, else the reason it is not. */
    public static Optional<String> problem(Path folder) {
        Path p = folder.toAbsolutePath().normalize();
        if (Files.exists(p)) {
            if (!Files.isDirectory(p)) {
                return Optional.of(p + " exists and is not a folder");
            }
            return Files.isWritable(p) ? Optional.empty() : Optional.of(p + " is not writable");
        }
        Path ancestor = p.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null) {
            return Optional.of(p + " cannot be created: no existing parent folder");
        }
        if (!Files.isDirectory(ancestor)) {
            return Optional.of(p + " cannot be created: " + ancestor + " is a file, not a folder");
        }
        if (!Files.isWritable(ancestor)) {
            return Optional.of(p + " cannot be created: " + ancestor + " is not writable");
        }
        return Optional.empty();
    }
}
