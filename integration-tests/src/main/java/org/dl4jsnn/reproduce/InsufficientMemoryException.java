package org.dl4jsnn.reproduce;

import java.util.Locale;

/** A run would need more heap than this JVM may use; refused before it starts rather than failing later. */
public final class InsufficientMemoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InsufficientMemoryException(String what, long neededBytes, long maxHeapBytes, String advice) {
        super(String.format(Locale.ROOT, "%s needs about %.1f GB of heap per iteration, but this JVM may use"
                + " %.1f GB (raise it with DL4J_SNN_XMX, e.g. DL4J_SNN_XMX=%dg, or %s)", what, neededBytes / 1e9,
                maxHeapBytes / 1e9, (long) Math.ceil(neededBytes * 1.5 / 1e9) + 1, advice));
    }
}
