package org.dl4jsnn.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.dl4jsnn.solver.Checks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps generated data sets on disk so that a data set is generated once per parameter set.
 *
 * <p>A data set is identified by a kind (e.g. {@code "poisson-v1"}, whose suffix is bumped when the
 * generator's algorithm changes) and a parameter string that lists every generation parameter
 * including the seed. The file name is {@code <kind>-<hash>.bin}, the hash being the first 96 bits
 * (hex) of SHA-256 over kind, parameters and format version. The file stores the kind and parameters
 * again, which loading compares, so a hash collision cannot hand back the wrong data.
 *
 * <p>A file that is corrupt, truncated, of another format version or for other parameters is logged
 * and regenerated, never used. Files are written to a temporary file in the same directory and moved
 * into place atomically, so readers (other processes included) see either no file or a complete one.
 * The cache is an optimisation: if the directory cannot be written, the data is still returned.
 */
public final class DatasetCache {

    private static final Logger log = LoggerFactory.getLogger(DatasetCache.class);
    private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final int HASH_HEX_CHARS = 24;

    private final Path directory;

    public DatasetCache(Path directory) {
        this.directory = Checks.notNull("directory", directory).toAbsolutePath();
    }

    /** {@code ~/.cache/dl4j-snn}. */
    public static Path defaultDirectory() {
        return Paths.get(System.getProperty("user.home"), ".cache", "dl4j-snn");
    }

    public static DatasetCache atDefaultLocation() {
        return new DatasetCache(defaultDirectory());
    }

    public Path directory() {
        return directory;
    }

    /** The file that holds (or will hold) the data set of this kind and parameters. */
    public Path fileFor(String kind, String parameters) {
        checkKind(kind);
        Checks.notNull("parameters", parameters);
        String key = kind + '\u0000' + parameters + '\u0000' + CacheFileFormat.FORMAT_VERSION;
        String hash = HexFormat.of().formatHex(CacheFileFormat.sha256(key.getBytes(StandardCharsets.UTF_8),
                key.getBytes(StandardCharsets.UTF_8).length));
        return directory.resolve(kind + "-" + hash.substring(0, HASH_HEX_CHARS) + ".bin");
    }

    /**
     * The cached data set for {@code (kind, parameters)}; generated with {@code generator} and stored
     * when no valid file exists.
     */
    public ArrayBundle getOrCreate(String kind, String parameters, Supplier<ArrayBundle> generator) {
        Checks.notNull("generator", generator);
        Path file = fileFor(kind, parameters);
        ArrayBundle cached = tryLoad(file, kind, parameters);
        if (cached != null) {
            return cached;
        }
        long start = System.nanoTime();
        ArrayBundle bundle = Checks.notNull("generated bundle", generator.get());
        log.info("generated {} data set in {} ms: {}", kind, (System.nanoTime() - start) / 1_000_000, parameters);
        try {
            writeAtomically(file, CacheFileFormat.encode(kind, parameters, bundle));
            log.info("cached {} data set at {}", kind, file);
        } catch (IOException e) {
            log.warn("could not write data cache file {}: {}; continuing without caching", file, e.toString());
        }
        return bundle;
    }

    private static ArrayBundle tryLoad(Path file, String kind, String parameters) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            log.warn("could not read data cache file {}: {}; regenerating", file, e.toString());
            return null;
        }
        try {
            ArrayBundle bundle = CacheFileFormat.decode(bytes, kind, parameters);
            log.debug("loaded {} data set from {}", kind, file);
            return bundle;
        } catch (CorruptCacheFileException e) {
            log.warn("data cache file {} is unusable ({}); regenerating", file, e.getMessage());
            return null;
        }
    }

    private void writeAtomically(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(directory);
        // not Files.createTempFile, which makes the file 0600: the user's umask decides, as for any file
        Path tmp = directory.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime()
                + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE_NEW)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // Durable before it becomes visible: a crash must not leave a complete-looking empty file.
                channel.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void checkKind(String kind) {
        Checks.notNull("kind", kind);
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("kind must match " + KIND.pattern() + " (it becomes a file name), got '"
                    + kind + "'");
        }
    }
}
