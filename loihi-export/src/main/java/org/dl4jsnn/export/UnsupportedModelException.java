package org.dl4jsnn.export;

/** The model has a layer or setting with no Loihi 2 / NIR equivalent; the message names the layer and field. */
public final class UnsupportedModelException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnsupportedModelException(String message) {
        super(message);
    }
}
