package org.dl4jsnn.export;

/** A model or input file that cannot be read; the message names the file and what is wrong. */
public final class ModelFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }

    public ModelFileException(String message) {
        super(message);
    }
}
