package org.dl4jsnn.spark;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Doubles as text for {@code BarrierTaskContext.allGather}, which carries strings: the IEEE-754 bits
 * big-endian, Base64-encoded, so the values cross exactly (no decimal round trip). Framing: Base64 makes
 * 8 n payload bytes into 4 ceil(8 n / 3) ASCII characters (one byte each on the wire).
 */
final class DoubleCodec {

    private DoubleCodec() {
    }

    static String encode(double[] values) {
        ByteBuffer buf = ByteBuffer.allocate(Double.BYTES * values.length);
        for (double v : values) {
            buf.putDouble(v);
        }
        return Base64.getEncoder().encodeToString(buf.array());
    }

    static double[] decode(String text) {
        byte[] bytes = Base64.getDecoder().decode(text);
        if (bytes.length % Double.BYTES != 0) {
            throw new IllegalArgumentException("an encoded double vector has a multiple of 8 bytes, got " + bytes.length);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        double[] out = new double[bytes.length / Double.BYTES];
        for (int i = 0; i < out.length; i++) {
            out[i] = buf.getDouble();
        }
        return out;
    }

    /** The characters {@link #encode} makes of {@code count} doubles. */
    static long encodedLength(long count) {
        return 4 * ((Double.BYTES * count + 2) / 3);
    }
}
