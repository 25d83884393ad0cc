package org.dl4jsnn.export;

/** A netx file that cannot be read back: the message names the layer and the field. */
public final class NetxFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NetxFormatException(String message) {
        super(message);
    }

    public NetxFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
