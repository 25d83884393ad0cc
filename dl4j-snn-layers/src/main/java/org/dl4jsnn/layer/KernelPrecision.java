package org.dl4jsnn.layer;

import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.NoiseAddress;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The leaf operations of a spiking dense layer in one precision, over arrays {@code A} ({@code double[]}
 * or {@code float[]}): products, neuron steps, copies. Java has no generics over primitives, so the
 * orchestration ({@link SpikingDensePass}, {@link ChunkedSpikingDense}, {@link SpikingDenseLayer}) is
 * written once against this and each precision supplies only its loops. A DOUBLE network runs
 * {@link #DOUBLE}'s exact double kernels; a FLOAT network runs {@link #FLOAT}, whose activations never
 * widen to double. Weight and bias gradients are double in both (small, and summed over steps and chunks).
 */
public interface KernelPrecision<A> {

    KernelPrecision<double[]> DOUBLE = new DoubleKernels();
    KernelPrecision<float[]> FLOAT = new FloatKernels();

    A allocate(int n);

    /** Whether {@code array} is an array of this precision of exactly {@code length} elements. */
    boolean holds(Object array, int length);

    /** Sets every element to zero. */
    void zero(A array);

    /** The transpose of a row-major [rows][cols] array, as [cols][rows]. */
    A transpose(A a, int rows, int cols);

    /** {@code DenseProducts.columns} with the matrix and bias at offset 0. */
    void columns(A a, int rows, int cols, A x, int xOff, int batch, A bias, A out, int oOff, boolean accumulate);

    /** {@code DenseProducts.accumulateDots}: out[r cols + c] += sum_b y[r][b] x[c][b], in double. */
    void accumulateDots(A y, int yOff, int rows, A x, int xOff, int cols, int batch, double[] out);

    /** {@code NeuronStep.advance} of neurons [0, n) from current[0..n). */
    int advance(IntegrateAndFireNeuron neuron, A membrane, int n, A current, A spikes, A spikeSlopes,
                A resetSlopes, int oOff, NoiseAddress noise, int t);

    /** {@code NeuronStep.adjoint}. */
    void adjoint(IntegrateAndFireNeuron neuron, A lossPerSpike, A spikeSlopes, A resetSlopes, int off, A carried,
                 A lossPerCurrent, A lossPerCurrentTotal, int n);

    /** x[off] + ... + x[off + n - 1], in double, in that order. */
    double sum(A x, int off, int n);

    /** into[e] += x[xOff + e] for e in [0, n), rounded to this precision. */
    void addInto(A into, A x, int xOff, int n);

    /** dst[e] = src[e] / divisor for e in [0, n), rounded to this precision. */
    void divide(A src, A dst, int n, int divisor);

    /** FLOAT or DOUBLE: the INDArrays this precision reads and writes in bulk. */
    DataType type();

    /** The elements of an INDArray in row-major order ({@code NdArrays.toDoubles} / {@code toFloats}). */
    A rowMajor(INDArray array);

    /** {@link NdArrays#readRows}: examples [b0, b0 + n) of batch-innermost rows into {@code part}. */
    void readRows(INDArray rows, int batch, int b0, int n, A part);

    /**
     * {@link NdArrays#readRows} of {@code count} rows from row {@code firstRow}: examples [b0, b0 + n) of
     * rows [firstRow, firstRow + count) into {@code part}, [count][n].
     */
    void readRows(INDArray rows, int firstRow, int count, int batch, int b0, int n, A part);

    /** {@link NdArrays#writeRows}: {@code part} into examples [b0, b0 + n) of batch-innermost rows. */
    void writeRows(A part, int n, INDArray rows, int batch, int b0);

    /** The index of the first NaN or infinite element, or -1. */
    int firstNonFinite(A values);

    /** values[e], widened to double. */
    double get(A values, int e);
}
