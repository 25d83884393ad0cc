package org.dl4jsnn.reproduce.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The layout of a reproduction's output folder (docs/results-schema.md). {@code results.json} is
 * written last and is the mark of a complete report.
 */
public final class OutputFolder {

    public static final String RESULTS_JSON = "results.json";
    public static final String REPORT_MD = "report.md";
    public static final String SETTINGS_JSON = "settings.json";
    public static final String PLOTS = "plots";
    public static final String RUNS = "runs";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String STAGING_PREFIX = ".staging-";

    private final Path root;

    public OutputFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path resultsJson() {
        return root.resolve(RESULTS_JSON);
    }

    public Path reportMd() {
        return root.resolve(REPORT_MD);
    }

    public Path settingsJson() {
        return root.resolve(SETTINGS_JSON);
    }

    public Path plotsDir() {
        return root.resolve(PLOTS);
    }

    public Path runsDir() {
        return root.resolve(RUNS);
    }

    public Path checkpointsDir() {
        return root.resolve(CHECKPOINTS);
    }

    /** Files or folders of an earlier reproduction that would be overwritten or reused. */
    public List<String> existingState() {
        List<String> found = new ArrayList<>();
        for (Path p : List.of(resultsJson(), reportMd(), settingsJson())) {
            if (Files.exists(p)) {
                found.add(root.relativize(p).toString());
            }
        }
        for (Path p : List.of(runsDir(), checkpointsDir(), plotsDir())) {
            if (isNonEmptyDirectory(p)) {
                found.add(root.relativize(p) + "/");
            }
        }
        return found;
    }

    /** Removes everything {@link #existingState()} reports, and nothing else the user put here. */
    public void clearState() {
        for (Path p : List.of(resultsJson(), reportMd(), settingsJson(), runsDir(), checkpointsDir(), plotsDir())) {
            deleteRecursively(p);
        }
        deleteStaleStaging();
    }

    /**
     * Removes the finished-report files before work starts, so an interrupted invocation never
     * leaves an old report that looks like the new one.
     */
    public void clearReport() {
        deleteRecursively(resultsJson());
        deleteRecursively(reportMd());
        deleteStaleStaging();
    }

    /** Staging folders of a report writer that was killed before it could clean up. */
    private void deleteStaleStaging() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> entries = Files.list(root)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
                deleteRecursively(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    public static void deleteRecursively(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }

    private static boolean isNonEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
