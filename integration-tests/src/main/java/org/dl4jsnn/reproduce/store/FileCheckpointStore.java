package org.dl4jsnn.reproduce.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import org.dl4jsnn.reproduce.CheckpointStore;
import org.dl4jsnn.reproduce.CorruptCheckpointException;

/**
 * Checkpoints as files {@code <dir>/<runKey>.ckpt}, each a 48-byte header then the payload:
 *
 * <pre>
 *   0  4 bytes  magic "SNCK"
 *   4  int32    format version (1), big-endian
 *   8  int64    payload length in bytes, big-endian
 *  16  32 bytes SHA-256 of the payload
 *  48  payload
 * </pre>
 *
 * Written atomically ({@link AtomicFiles}), so a crash leaves the previous checkpoint; the length
 * and hash catch files damaged afterwards.
 */
public final class FileCheckpointStore implements CheckpointStore {

    public static final String SUFFIX = ".ckpt";
    static final byte[] MAGIC = {'S', 'N', 'C', 'K'};
    static final int VERSION = 1;
    static final int HEADER_BYTES = 4 + 4 + 8 + 32;

    private final Path dir;
    private final java.time.Duration interval;

    public FileCheckpointStore(Path dir) {
        this(dir, DEFAULT_INTERVAL);
    }

    /** @param interval how often runners save; zero saves after every iteration */
    public FileCheckpointStore(Path dir, java.time.Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("checkpoint interval must be >= 0, got " + interval);
        }
        this.dir = dir;
        this.interval = interval;
    }

    @Override
    public java.time.Duration interval() {
        return interval;
    }

    public Path fileOf(String runKey) {
        return dir.resolve(RunKeys.requireSafe(runKey) + SUFFIX);
    }

    @Override
    public void save(String runKey, byte[] payload) {
        byte[] hash = sha256(payload);
        ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        buf.put(MAGIC).putInt(VERSION).putLong(payload.length).put(hash).put(payload);
        AtomicFiles.write(fileOf(runKey), buf.array());
    }

    @Override
    public Optional<byte[]> load(String runKey) {
        Path file = fileOf(runKey);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
        return Optional.of(decode(file, bytes));
    }

    /** Reads and checks the checkpoint without returning it: fails fast before hours of training. */
    public void verify(String runKey) {
        load(runKey);
    }

    @Override
    public void delete(String runKey) {
        Path file = fileOf(runKey);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] decode(Path file, byte[] bytes) {
        if (bytes.length < HEADER_BYTES) {
            throw new CorruptCheckpointException(file, "truncated header (" + bytes.length + " of "
                    + HEADER_BYTES + " bytes)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        byte[] magic = new byte[MAGIC.length];
        buf.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new CorruptCheckpointException(file, "not a dl4j-snn checkpoint (bad magic)");
        }
        int version = buf.getInt();
        if (version != VERSION) {
            throw new CorruptCheckpointException(file, "unsupported format version " + version
                    + " (this build reads version " + VERSION + ")");
        }
        long length = buf.getLong();
        byte[] expectedHash = new byte[32];
        buf.get(expectedHash);
        long actual = bytes.length - HEADER_BYTES;
        if (length != actual) {
            throw new CorruptCheckpointException(file, "payload is " + actual + " bytes, header says " + length
                    + (actual < length ? " (truncated)" : ""));
        }
        byte[] payload = Arrays.copyOfRange(bytes, HEADER_BYTES, bytes.length);
        if (!MessageDigest.isEqual(expectedHash, sha256(payload))) {
            throw new CorruptCheckpointException(file, "SHA-256 checksum mismatch");
        }
        return payload;
    }

    private static byte[] sha256(byte[] payload) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(payload);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
