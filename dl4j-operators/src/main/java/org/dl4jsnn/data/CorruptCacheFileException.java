package org.dl4jsnn.data;

/** A cache file that must not be used: wrong magic or version, bad checksum, truncated, or other parameters. */
final class CorruptCacheFileException extends Exception {

    private static final long serialVersionUID = 1L;

    CorruptCacheFileException(String message) {
        super(message);
    }
}
