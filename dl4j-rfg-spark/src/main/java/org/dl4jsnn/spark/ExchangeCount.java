package org.dl4jsnn.spark;

import java.io.Serializable;

/**
 * What one replica sent through all-gathers during training steps.
 *
 * @param steps        exchanges counted
 * @param payloadBytes 8 bytes per double sent
 * @param wireBytes    the characters of the encoded strings sent (Base64: 4 per 3 payload bytes, rounded up)
 */
public record ExchangeCount(long steps, long payloadBytes, long wireBytes) implements Serializable {

    public static final ExchangeCount NONE = new ExchangeCount(0, 0, 0);

    ExchangeCount plus(long doubles) {
        return new ExchangeCount(steps + 1, payloadBytes + (long) Double.BYTES * doubles,
                wireBytes + DoubleCodec.encodedLength(doubles));
    }

    public double payloadBytesPerStep() {
        return steps == 0 ? 0 : (double) payloadBytes / steps;
    }

    public double wireBytesPerStep() {
        return steps == 0 ? 0 : (double) wireBytes / steps;
    }
}
