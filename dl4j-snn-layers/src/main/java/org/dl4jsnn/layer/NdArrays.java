package org.dl4jsnn.layer;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Moves data between ND4J arrays and the plain double arrays the kernels run on. */
public final class NdArrays {

    private NdArrays() {
    }

    /** The elements in row-major ('c') order, as doubles, whatever the array's order, type or offset. */
    public static double[] toDoubles(INDArray array) {
        INDArray c = isPlainRowMajor(array) ? array : array.dup('c');
        double[] all = c.data().asDouble();
        return all.length == c.length() ? all : Arrays.copyOf(all, (int) c.length());
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

    /** Writes row-major {@code values} into {@code target}, which must be a fresh row-major array. */
    public static INDArray fill(INDArray target, double[] values) {
        if (target.length() != values.length) {
            throw new IllegalArgumentException("length mismatch: target " + target.length() + ", values "
                    + values.length);
        }
        if (isPlainRowMajor(target)) {
            target.data().setData(values);
        } else {
            target.assign(org.nd4j.linalg.factory.Nd4j.create(values, target.shape(), 'c')
                    .castTo(target.dataType()));
        }
        return target;
    }

    private static boolean isPlainRowMajor(INDArray a) {
        return a.ordering() == 'c' && a.offset() == 0 && !a.isView() && a.data().length() == a.length();
    }
}
