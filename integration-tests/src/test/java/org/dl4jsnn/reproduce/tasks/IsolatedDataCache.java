package org.dl4jsnn.reproduce.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points the data cache ({@code -Ddl4j.snn.cache}) of a test class at a fresh folder and puts the
 * property back afterwards. Tests that generate data then neither read a developer's cached data sets
 * (which could hide a generator change) nor leave theirs behind, and the next class sees the property
 * as it was.
 */
final class IsolatedDataCache implements BeforeAllCallback, AfterAllCallback {

    private static final String PROPERTY = BaseTask.CACHE_PROPERTY;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(IsolatedDataCache.class);
    private static final String PREVIOUS = "previous";
    private static final String DIRECTORY = "directory";

    /** The cache folder of the test class now running. */
    static Path directory() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null) {
            throw new IllegalStateException("no isolated data cache: annotate the class with"
                    + " @ExtendWith(IsolatedDataCache.class)");
        }
        return Path.of(dir);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        String previous = System.getProperty(PROPERTY);
        if (previous != null) {
            store.put(PREVIOUS, previous);
        }
        Path dir = Files.createTempDirectory("dl4j-snn-data-cache");
        store.put(DIRECTORY, dir);
        System.setProperty(PROPERTY, dir.toString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        String previous = store.get(PREVIOUS, String.class);
        if (previous == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, previous);
        }
        Path dir = store.get(DIRECTORY, Path.class);
        if (dir != null) { // null when beforeAll failed to create it
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the test data cache " + root, e);
        }
    }
}
