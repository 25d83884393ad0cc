package org.dl4jsnn.operator.math;

/**
 * The DeepONet's pair-to-function index (docs/design.md section 4): for every function-point pair, the row
 * of its function among the minibatch's distinct functions. Arrives as a [pairs, 1] column of the network's
 * data type, so it is checked to hold exact integers in range before it addresses anything.
 */
public final class FunctionIndex {

    private FunctionIndex() {
    }

    /**
     * The index as ints.
     *
     * @param column    the index column's values, one per pair
     * @param functions how many function rows the branch has this minibatch
     * @throws IllegalArgumentException naming the first bad entry and the allowed range
     */
    public static int[] of(double[] column, int functions) {
        int[] fn = new int[column.length];
        for (int n = 0; n < column.length; n++) {
            double v = column[n];
            if (!(v >= 0 && v < functions) || v != Math.rint(v)) {
                throw new IllegalArgumentException("function index: row " + n + " is " + v + "; every entry must be"
                        + " an integer in [0, " + (functions - 1) + "] (a row of the " + functions
                        + " branch functions of this minibatch)");
            }
            fn[n] = (int) v;
        }
        return fn;
    }
}
