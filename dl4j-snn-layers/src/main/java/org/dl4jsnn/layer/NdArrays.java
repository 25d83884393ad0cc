package org.dl4jsnn.layer;

import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

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
            for (int e = 0; e < n; e++) {
                out[e] = tmp[e];
            }
        } else {
            return toDoubles(c.castTo(DataType.DOUBLE));
        }
        return out;
    }

    /** Like {@link #toDoubles} but fails naming {@code what} if any element is NaN or infinite. */
    public static double[] toFiniteDoubles(INDArray array, String what) {
        double[] values = toDoubles(array);
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException(what + " contains a non-finite value (" + values[k]
                        + ") at flat index " + k + " of shape " + Arrays.toString(array.shape()));
            }
        }
        return values;
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
            for (int e = 0; e < tmp.length; e++) {
                tmp[e] = (float) values[e];
            }
            new FloatPointer(target.data().addressPointer()).put(tmp, 0, tmp.length);
        } else {
            target.assign(org.nd4j.linalg.factory.Nd4j.create(values, target.shape(), 'c')
                    .castTo(target.dataType()));
        }
        return target;
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
