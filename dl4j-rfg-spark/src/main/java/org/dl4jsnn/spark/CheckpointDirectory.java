package org.dl4jsnn.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Checkpoints of a run, one file per checkpointed iteration: a model zip (parameters, updater state,
 * iteration count). Replicas are identical, so one replica (partition 0) writes them. A file appears
 * whole (written aside, then moved), so a replica killed while writing leaves the older ones intact.
 */
final class CheckpointDirectory {

    private static final String PREFIX = "replica-";
    private static final String SUFFIX = ".zip";
    /** The newest ones kept; a retry resumes from the oldest newest-seen iteration, see {@link ReplicaLoop}. */
    private static final int KEPT = 3;

    private final Path dir;

    CheckpointDirectory(String dir) {
        this.dir = Path.of(dir);
    }

    void write(long iteration, byte[] model) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "writing-", ".tmp");
            Files.write(tmp, model);
            Files.move(tmp, file(iteration), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (Stream<Path> files = Files.list(dir)) {
                files.map(CheckpointDirectory::iterationOf).filter(i -> i >= 0)
                        .sorted((a, b) -> Long.compare(b, a)).skip(KEPT)
                        .forEach(old -> file(old).toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + iteration + " to " + dir, e);
        }
    }

    OptionalLong newest() {
        if (!Files.isDirectory(dir)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(CheckpointDirectory::iterationOf).filter(i -> i >= 0).max();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + dir, e);
        }
    }

    byte[] read(long iteration) {
        try {
            return Files.readAllBytes(file(iteration));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + iteration + " from " + dir, e);
        }
    }

    private Path file(long iteration) {
        return dir.resolve(String.format("%s%012d%s", PREFIX, iteration, SUFFIX));
    }

    private static long iterationOf(Path p) {
        String name = p.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
            return -1;
        }
        return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    }
}
