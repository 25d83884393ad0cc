package org.dl4jsnn.layer;

import java.util.Arrays;
import org.dl4jsnn.kernel.DenseProducts;
import org.dl4jsnn.kernel.FiniteScan;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.NeuronStep;
import org.dl4jsnn.neuron.NoiseAddress;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link KernelPrecision#FLOAT}: a FLOAT network's kernels, float end to end. */
final class FloatKernels implements KernelPrecision<float[]> {

    @Override
    public float[] allocate(int n) {
        return new float[n];
    }

    @Override
    public boolean holds(Object array, int length) {
        return array instanceof float[] a && a.length == length;
    }

    @Override
    public void zero(float[] array) {
        Arrays.fill(array, 0);
    }

    @Override
    public float[] transpose(float[] a, int rows, int cols) {
        return DenseProducts.transpose(a, 0, rows, cols);
    }

    @Override
    public void columns(float[] a, int rows, int cols, float[] x, int xOff, int batch, float[] bias, float[] out,
                        int oOff, boolean accumulate) {
        DenseProducts.columns(a, 0, rows, cols, x, xOff, batch, bias, 0, out, oOff, accumulate);
    }

    @Override
    public void accumulateDots(float[] y, int yOff, int rows, float[] x, int xOff, int cols, int batch,
                               double[] out) {
        DenseProducts.accumulateDots(y, yOff, rows, x, xOff, cols, batch, out);
    }

    @Override
    public int advance(IntegrateAndFireNeuron neuron, float[] membrane, int n, float[] current, float[] spikes,
                       float[] spikeSlopes, float[] resetSlopes, int oOff, NoiseAddress noise, int t) {
        return NeuronStep.advance(neuron, membrane, 0, n, current, 0, spikes, spikeSlopes, resetSlopes, oOff, noise,
                t);
    }

    @Override
    public void adjoint(IntegrateAndFireNeuron neuron, float[] lossPerSpike, float[] spikeSlopes,
                        float[] resetSlopes, int off, float[] carried, float[] lossPerCurrent,
                        float[] lossPerCurrentTotal, int n) {
        NeuronStep.adjoint(neuron, lossPerSpike, spikeSlopes, resetSlopes, off, carried, lossPerCurrent,
                lossPerCurrentTotal, n);
    }

    @Override
    public double sum(float[] x, int off, int n) {
        double sum = 0;
        for (int e = off; e < off + n; e++) {
            sum += x[e];
        }
        return sum;
    }

    @Override
    public void addInto(float[] into, float[] x, int xOff, int n) {
        for (int e = 0; e < n; e++) {
            into[e] += x[xOff + e];
        }
    }

    @Override
    public void divide(float[] src, float[] dst, int n, int divisor) {
        for (int e = 0; e < n; e++) {
            dst[e] = src[e] / divisor;
        }
    }

    @Override
    public DataType type() {
        return DataType.FLOAT;
    }

    @Override
    public float[] rowMajor(INDArray array) {
        return NdArrays.toFloats(array);
    }

    @Override
    public void readRows(INDArray rows, int batch, int b0, int n, float[] part) {
        NdArrays.readRows(rows, batch, b0, n, part);
    }

    @Override
    public void readRows(INDArray rows, int firstRow, int count, int batch, int b0, int n, float[] part) {
        NdArrays.readRows(rows, firstRow, count, batch, b0, n, part);
    }

    @Override
    public void writeRows(float[] part, int n, INDArray rows, int batch, int b0) {
        NdArrays.writeRows(part, n, rows, batch, b0);
    }

    @Override
    public int firstNonFinite(float[] values) {
        return FiniteScan.firstNonFinite(values);
    }

    @Override
    public double get(float[] values, int e) {
        return values[e];
    }
}
