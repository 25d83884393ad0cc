package org.dl4jsnn.reproduce.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One process at a time per output folder: an exclusive OS lock on {@code <folder>/.dl4j-snn.lock},
 * which holds the owner's PID so a refused second run can say whose it is. The OS drops the lock when
 * the process dies (even by kill -9), so no stale lock needs cleaning; the file itself stays.
 */
public final class FolderLock implements AutoCloseable {

    public static final String FILE = ".dl4j-snn.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another process (or this one) already holds the folder. */
    public static final class HeldException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HeldException(Path folder, String holder) {
            super(folder + " is in use by another dl4j-snn run (" + holder + "); wait for it to finish or"
                    + " choose another --out");
        }
    }

    /**
     * Creates the folder if needed and takes its lock.
     *
     * @throws HeldException naming the holder's PID when the folder is taken
     * @throws UncheckedIOException when the folder cannot be created or written
     */
    public static FolderLock acquire(Path folder) {
        Path file = folder.resolve(FILE);
        FileChannel ch = null;
        try {
            Files.createDirectories(folder);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(ch);
                ch.close();
                throw new HeldException(folder, holder);
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(false);
            return new FolderLock(ch, lock);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UncheckedIOException("cannot write into " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(32);
        ch.read(buf, 0);
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
        Optional<String> pid = text.matches("\\d+") ? Optional.of(text) : Optional.empty();
        return pid.map(p -> "PID " + p).orElse("PID unknown");
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // the original failure is the one worth reporting
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + FILE + ": " + e.getMessage(), e);
        }
    }
}
