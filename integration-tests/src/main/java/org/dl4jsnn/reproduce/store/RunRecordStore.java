package org.dl4jsnn.reproduce.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.dl4jsnn.reproduce.MethodRun;
import org.dl4jsnn.reproduce.RunRecordMismatchException;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.json.JsonFormatException;
import org.dl4jsnn.reproduce.json.MethodRunJson;

/**
 * Finished runs as {@code <dir>/<runKey>.json}. A record exists only once its run is complete, which
 * is what lets --resume skip it.
 */
public final class RunRecordStore {

    private final Path dir;
    private final MethodRunJson codec = new MethodRunJson();

    public RunRecordStore(Path dir) {
        this.dir = dir;
    }

    public Path fileOf(String runKey) {
        return dir.resolve(RunKeys.requireSafe(runKey) + ".json");
    }

    public void save(String runKey, MethodRun run) {
        AtomicFiles.write(fileOf(runKey), codec.write(run));
    }

    /**
     * The finished run under {@code runKey}, if there is one, checked to be the run these arguments describe.
     * Keys name only task, method and seed, so a record copied in from another folder, or left from other
     * settings, would otherwise be reported under this run's settings.
     *
     * @throws RunRecordMismatchException if it was trained with another method, seed, iterations, batch or lr
     * @throws CorruptStateException if the record exists but cannot be parsed
     */
    public Optional<MethodRun> loadMatching(String runKey, String method, long seed, RunSettings settings) {
        Optional<MethodRun> run = load(runKey);
        run.ifPresent(r -> {
            String recorded = identity(r.method(), r.seed(), r.iterations(), r.batch(), r.lr());
            String expected = identity(method, seed, settings.iterations(), settings.batch(), settings.lr());
            if (!recorded.equals(expected)) {
                throw new RunRecordMismatchException(fileOf(runKey), recorded, expected);
            }
        });
        return run;
    }

    private static String identity(String method, long seed, int iterations, int batch, double lr) {
        return "method " + method + ", seed " + seed + ", iterations " + iterations + ", batch " + batch + ", lr " + lr;
    }

    /** @throws CorruptStateException if the record exists but cannot be parsed */
    public Optional<MethodRun> load(String runKey) {
        Path file = fileOf(runKey);
        try {
            return Optional.of(codec.read(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonFormatException e) {
            throw new CorruptStateException(file, e.getMessage());
        }
    }
}
