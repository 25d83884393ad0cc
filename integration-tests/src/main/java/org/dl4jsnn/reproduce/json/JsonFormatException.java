package org.dl4jsnn.reproduce.json;

/** A JSON document does not have the documented shape (docs/results-schema.md). */
public final class JsonFormatException extends RuntimeException {

    public JsonFormatException(String message) {
        super(message);
    }
}
