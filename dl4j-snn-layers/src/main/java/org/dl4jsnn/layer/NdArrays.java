package org.dl4jsnn.layer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.dl4jsnn.kernel.PrecisionCasts;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Moves data between ND4J arrays and the plain double arrays the kernels run on.
 *
 * <p>Copies go through one native bulk copy: ND4J's own element-wise accessors (DataBuffer.asDouble,
 * setData) cost several nanoseconds per element, which at [1000, 16, 32] took longer than the math.
 */
public final class NdArrays {

    private NdArrays() {
    }

    /** The elements in row-major ('c') order, as doubles, whatever the array's order, type or offset. */
    public static double[] toDoubles(INDArray array) {
        INDArray c = isPlainRowMajor(array) ? array : array.dup('c');
        int n = (int) c.length();
        double[] out = new double[n];
        if (c.dataType() == DataType.DOUBLE) {
            new DoublePointer(c.data().addressPointer()).get(out, 0, n);
        } else if (c.dataType() == DataType.FLOAT) {
            float[] tmp = new float[n];
            new FloatPointer(c.data().addressPointer()).get(tmp, 0, n);
            PrecisionCasts.widen(tmp, out, n);
        } else {
            return toDoubles(c.castTo(DataType.DOUBLE));
        }
        return out;
    }

    /** Like {@link #toDoubles} but fails naming {@code what} if any element is NaN or infinite. */
    public static double[] toFiniteDoubles(INDArray array, String what) {
        return requireFinite(toDoubles(array), array, what);
    }

    /** Fails naming {@code what} if any of {@code values} (the elements of {@code array}) is not finite. */
    public static double[] requireFinite(double[] values, INDArray array, String what) {
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException(what + " contains a non-finite value (" + values[k]
                        + ") at flat index " + k + " of shape " + Arrays.toString(array.shape()));
            }
        }
        return values;
    }

    /**
     * The elements of an array [batch, n] or [batch, n, T] with the batch innermost: [i][b] or [t][i][b].
     * That is the memory order of a 'f'-ordered array (as the spiking layers make), which is copied in
     * bulk; any other is transposed by ND4J first.
     */
    public static double[] toBatchInnermost(INDArray array) {
        return toDoubles(reversedAxes(array));
    }

    /**
     * Fills {@code target}, a new 'f'-ordered array, from {@code values} with the batch innermost (see
     * {@link #toBatchInnermost}).
     */
    public static INDArray fillBatchInnermost(INDArray target, double[] values) {
        if (target.ordering() != 'f') {
            throw new IllegalArgumentException("target must be in 'f' order, got '" + target.ordering() + "'");
        }
        fill(reversedAxes(target), values);
        return target;
    }

    private static INDArray reversedAxes(INDArray a) {
        if (a.rank() == 2) {
            return a.permute(1, 0);
        }
        requireRank3(a);
        return a.permute(2, 1, 0);
    }

    private static void requireRank3(INDArray a) {
        if (a.rank() != 3) {
            throw new IllegalArgumentException("expected spike trains [batch, n, T], got shape "
                    + Arrays.toString(a.shape()));
        }
    }

    /** Writes row-major {@code values} into {@code target} (any order; converted to its type). */
    public static INDArray fill(INDArray target, double[] values) {
        if (target.length() != values.length) {
            throw new IllegalArgumentException("length mismatch: target " + target.length() + ", values "
                    + values.length);
        }
        if (isPlainRowMajor(target) && target.dataType() == DataType.DOUBLE) {
            new DoublePointer(target.data().addressPointer()).put(values, 0, values.length);
        } else if (isPlainRowMajor(target) && target.dataType() == DataType.FLOAT) {
            float[] tmp = new float[values.length];
            PrecisionCasts.narrow(values, tmp, tmp.length);
            new FloatPointer(target.data().addressPointer()).put(tmp, 0, tmp.length);
        } else {
            target.assign(Nd4j.create(values, target.shape(), 'c')
                    .castTo(target.dataType()));
        }
        return target;
    }

    /** The elements in row-major ('c') order, as floats (a FLOAT network's kernels), whatever the array. */
    public static float[] toFloats(INDArray array) {
        INDArray c = isPlainRowMajor(array) ? array : array.dup('c');
        int n = (int) c.length();
        float[] out = new float[n];
        if (c.dataType() == DataType.FLOAT) {
            new FloatPointer(c.data().addressPointer()).get(out, 0, n);
        } else if (c.dataType() == DataType.DOUBLE) {
            double[] tmp = new double[n];
            new DoublePointer(c.data().addressPointer()).get(tmp, 0, n);
            PrecisionCasts.narrow(tmp, out, n);
        } else {
            return toFloats(c.castTo(DataType.FLOAT));
        }
        return out;
    }

    /** {@link #toBatchInnermost} as floats. */
    public static float[] toBatchInnermostFloats(INDArray array) {
        return toFloats(reversedAxes(array));
    }

    /** Fails naming {@code what} if any of {@code values} (the elements of {@code array}) is not finite. */
    public static float[] requireFinite(float[] values, INDArray array, String what) {
        for (int k = 0; k < values.length; k++) {
            if (!Float.isFinite(values[k])) {
                throw new IllegalArgumentException(what + " contains a non-finite value (" + values[k]
                        + ") at flat index " + k + " of shape " + Arrays.toString(array.shape()));
            }
        }
        return values;
    }

    /** {@link #fillBatchInnermost} from floats. */
    public static INDArray fillBatchInnermost(INDArray target, float[] values) {
        if (target.ordering() != 'f') {
            throw new IllegalArgumentException("target must be in 'f' order, got '" + target.ordering() + "'");
        }
        fill(reversedAxes(target), values);
        return target;
    }

    /** Writes row-major float {@code values} into {@code target} (any order; converted to its type). */
    public static INDArray fill(INDArray target, float[] values) {
        if (target.length() != values.length) {
            throw new IllegalArgumentException("length mismatch: target " + target.length() + ", values "
                    + values.length);
        }
        if (isPlainRowMajor(target) && target.dataType() == DataType.FLOAT) {
            new FloatPointer(target.data().addressPointer()).put(values, 0, values.length);
        } else {
            target.assign(Nd4j.create(values, target.shape(), 'c')
                    .castTo(target.dataType()));
        }
        return target;
    }

    /**
     * The elements of an array [batch, n] or [batch, n, T] as a row-major INDArray [rows][batch] of
     * {@code type} (rows = n or T n): a view of the array itself when it already is one (a spiking layer's
     * own 'f' output), else a copy. Threads then read their chunks of examples from it with
     * {@link #readRows}, instead of one thread copying the whole array first.
     */
    public static INDArray batchInnermostRows(INDArray array, DataType type) {
        INDArray rows = reversedAxes(array);
        if (isPlainRowMajor(rows) && rows.dataType() == type) {
            return rows;
        }
        INDArray copy = rows.dup('c');
        return copy.dataType() == type ? copy : copy.castTo(type);
    }

    /**
     * The batch-innermost rows of {@code target}, a new 'f'-ordered array, as a view that
     * {@link #writeRows} fills in place.
     */
    public static INDArray rowsTarget(INDArray target) {
        if (target.ordering() != 'f') {
            throw new IllegalArgumentException("target must be in 'f' order, got '" + target.ordering() + "'");
        }
        INDArray rows = reversedAxes(target);
        if (!isPlainRowMajor(rows)) {
            throw new IllegalArgumentException("target must be a dense array of its own, got offset "
                    + target.offset() + " of a buffer of " + target.data().length());
        }
        return rows;
    }

    /** Copies examples [b0, b0 + n) of a row-major DOUBLE [rows][batch] INDArray into {@code part} [rows][n]. */
    public static void readRows(INDArray rows, int batch, int b0, int n, double[] part) {
        DoubleBuffer from = nio(rows, DataType.DOUBLE).asDoubleBuffer();
        if (n == batch) {
            from.get(0, part, 0, part.length);
            return;
        }
        for (int r = 0, count = part.length / n; r < count; r++) {
            from.get(r * batch + b0, part, r * n, n);
        }
    }

    /** {@link #readRows} of a FLOAT array. */
    public static void readRows(INDArray rows, int batch, int b0, int n, float[] part) {
        FloatBuffer from = nio(rows, DataType.FLOAT).asFloatBuffer();
        if (n == batch) {
            from.get(0, part, 0, part.length);
            return;
        }
        for (int r = 0, count = part.length / n; r < count; r++) {
            from.get(r * batch + b0, part, r * n, n);
        }
    }

    /** {@link #readRows} of rows [firstRow, firstRow + count) only, into {@code part} [count][n]. */
    public static void readRows(INDArray rows, int firstRow, int count, int batch, int b0, int n, double[] part) {
        DoubleBuffer from = nio(rows, DataType.DOUBLE).asDoubleBuffer();
        if (n == batch) {
            from.get(firstRow * batch, part, 0, count * n);
            return;
        }
        for (int r = 0; r < count; r++) {
            from.get((firstRow + r) * batch + b0, part, r * n, n);
        }
    }

    /** The inverse of {@link #readRows}: writes {@code part} [rows][n] at examples [b0, b0 + n). */
    public static void writeRows(double[] part, int n, INDArray rows, int batch, int b0) {
        DoubleBuffer to = nio(rows, DataType.DOUBLE).asDoubleBuffer();
        if (n == batch) {
            to.put(0, part, 0, part.length);
            return;
        }
        for (int r = 0, count = part.length / n; r < count; r++) {
            to.put(r * batch + b0, part, r * n, n);
        }
    }

    /** {@link #readRows} of rows [firstRow, firstRow + count) only, into {@code part} [count][n]. */
    public static void readRows(INDArray rows, int firstRow, int count, int batch, int b0, int n, float[] part) {
        FloatBuffer from = nio(rows, DataType.FLOAT).asFloatBuffer();
        if (n == batch) {
            from.get(firstRow * batch, part, 0, count * n);
            return;
        }
        for (int r = 0; r < count; r++) {
            from.get((firstRow + r) * batch + b0, part, r * n, n);
        }
    }

    /** {@link #writeRows} into a FLOAT array. */
    public static void writeRows(float[] part, int n, INDArray rows, int batch, int b0) {
        FloatBuffer to = nio(rows, DataType.FLOAT).asFloatBuffer();
        if (n == batch) {
            to.put(0, part, 0, part.length);
            return;
        }
        for (int r = 0, count = part.length / n; r < count; r++) {
            to.put(r * batch + b0, part, r * n, n);
        }
    }

    /**
     * The array's memory as a buffer of its own (absolute gets and puts, so threads may share the memory):
     * a chunk's rows are copied by the JDK's bulk copy, not by one native call each.
     */
    private static ByteBuffer nio(INDArray rows, DataType type) {
        requireType(rows, type);
        return rows.data().asNio().order(ByteOrder.nativeOrder());
    }

    private static void requireType(INDArray rows, DataType type) {
        if (rows.dataType() != type || !isPlainRowMajor(rows)) {
            throw new IllegalArgumentException("expected a dense row-major " + type + " array, got "
                    + rows.dataType() + " " + Arrays.toString(rows.shape()) + " order '" + rows.ordering() + "'");
        }
    }

    /** Row-major, dense, starting at its buffer's start: the only layout the bulk copies may assume. */
    private static boolean isPlainRowMajor(INDArray a) {
        if (a.offset() != 0 || a.data().length() != a.length()) {
            return false;
        }
        long[] shape = a.shape();
        long[] stride = a.stride();
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }
}
