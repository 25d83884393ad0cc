package org.dl4jsnn.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Encodes and decodes one cache file; the layout is documented in docs/data-cache.md.
 *
 * <pre>
 * magic "DL4JSNND" (8 bytes) | int32 format version | string kind | string parameters |
 * int32 array count | per array: string name, int32 rank, int32[rank] shape, float64[product] values |
 * SHA-256 (32 bytes) of every preceding byte
 * </pre>
 * Integers and doubles are big-endian; a string is an int32 byte count followed by UTF-8 bytes.
 */
final class CacheFileFormat {

    static final byte[] MAGIC = "DL4JSNND".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT_VERSION = 1;
    static final int CHECKSUM_BYTES = 32;

    private CacheFileFormat() {
    }

    static byte[] encode(String kind, String parameters, ArrayBundle bundle) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            writeString(out, kind);
            writeString(out, parameters);
            out.writeInt(bundle.names().size());
            for (String name : bundle.names()) {
                writeString(out, name);
                int[] shape = bundle.shape(name);
                out.writeInt(shape.length);
                for (int d : shape) {
                    out.writeInt(d);
                }
                for (double v : bundle.data(name)) {
                    out.writeDouble(v);
                }
            }
            out.flush();
            byte[] content = bytes.toByteArray();
            out.write(sha256(content, content.length));
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    /**
     * Decodes {@code file} and checks that it was written for exactly {@code expectedKind} and
     * {@code expectedParameters}; any deviation is a {@link CorruptCacheFileException} saying which.
     */
    static ArrayBundle decode(byte[] file, String expectedKind, String expectedParameters)
            throws CorruptCacheFileException {
        int minimum = MAGIC.length + Integer.BYTES + CHECKSUM_BYTES;
        if (file.length < minimum) {
            throw new CorruptCacheFileException("file has " + file.length + " bytes, fewer than the minimum " + minimum
                    + " (truncated?)");
        }
        if (!Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            throw new CorruptCacheFileException("bad magic: not a dl4j-snn data cache file");
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        in.position(MAGIC.length);
        int version = in.getInt();
        if (version != FORMAT_VERSION) {
            throw new CorruptCacheFileException("format version " + version + ", expected " + FORMAT_VERSION);
        }
        int contentLength = file.length - CHECKSUM_BYTES;
        byte[] stored = Arrays.copyOfRange(file, contentLength, file.length);
        if (!MessageDigest.isEqual(stored, sha256(file, contentLength))) {
            throw new CorruptCacheFileException("SHA-256 checksum mismatch (corrupt or truncated file)");
        }
        try {
            ByteBuffer content = ByteBuffer.wrap(file, 0, contentLength);
            content.position(in.position());
            String kind = readString(content);
            if (!kind.equals(expectedKind)) {
                throw new CorruptCacheFileException("file holds kind '" + kind + "', expected '" + expectedKind + "'");
            }
            String parameters = readString(content);
            if (!parameters.equals(expectedParameters)) {
                throw new CorruptCacheFileException("file holds parameters '" + parameters + "', expected '"
                        + expectedParameters + "' (hash collision or renamed file)");
            }
            int count = content.getInt();
            ArrayBundle.Builder builder = ArrayBundle.builder();
            for (int a = 0; a < count; a++) {
                String name = readString(content);
                int rank = content.getInt();
                if (rank < 0 || rank > 16) {
                    throw new CorruptCacheFileException("array '" + name + "' has invalid rank " + rank);
                }
                int[] shape = new int[rank];
                long size = 1;
                for (int r = 0; r < rank; r++) {
                    shape[r] = content.getInt();
                    if (shape[r] < 0) {
                        throw new CorruptCacheFileException("array '" + name + "' has negative dimension");
                    }
                    size *= shape[r];
                }
                if (size * Double.BYTES > content.remaining()) {
                    throw new CorruptCacheFileException("array '" + name + "' needs " + size * Double.BYTES
                            + " bytes, only " + content.remaining() + " left");
                }
                double[] data = new double[(int) size];
                content.asDoubleBuffer().get(data);
                content.position(content.position() + data.length * Double.BYTES);
                // the generators make finite data only; a NaN here was put in after them and would
                // otherwise surface much later as a training error that names no file
                for (int i = 0; i < data.length; i++) {
                    if (!Double.isFinite(data[i])) {
                        throw new CorruptCacheFileException("array '" + name + "' holds " + data[i] + " at index " + i);
                    }
                }
                builder.put(name, data, shape);
            }
            if (content.hasRemaining()) {
                throw new CorruptCacheFileException(content.remaining() + " unexpected bytes after the last array");
            }
            return builder.build();
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new CorruptCacheFileException("malformed content: " + e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(ByteBuffer in) throws CorruptCacheFileException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new CorruptCacheFileException("invalid string length " + length);
        }
        byte[] b = new byte[length];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    static byte[] sha256(byte[] data, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
