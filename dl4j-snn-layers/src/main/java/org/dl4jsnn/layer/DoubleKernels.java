package org.dl4jsnn.layer;

import java.util.Arrays;
import org.dl4jsnn.kernel.DenseProducts;
import org.dl4jsnn.kernel.FiniteScan;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.NeuronStep;
import org.dl4jsnn.neuron.NoiseAddress;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link KernelPrecision#DOUBLE}: the exact double kernels of a DOUBLE network. */
final class DoubleKernels implements KernelPrecision<double[]> {

    @Override
    public double[] allocate(int n) {
        return new double[n];
    }

    @Override
    public boolean holds(Object array, int length) {
        return array instanceof double[] a && a.length == length;
    }

    @Override
    public void zero(double[] array) {
        Arrays.fill(array, 0);
    }

    @Override
    public double[] transpose(double[] a, int rows, int cols) {
        return DenseProducts.transpose(a, 0, rows, cols);
    }

    @Override
    public void columns(double[] a, int rows, int cols, double[] x, int xOff, int batch, double[] bias, double[] out,
                        int oOff, boolean accumulate) {
        DenseProducts.columns(a, 0, rows, cols, x, xOff, batch, bias, 0, out, oOff, accumulate);
    }

    @Override
    public void accumulateDots(double[] y, int yOff, int rows, double[] x, int xOff, int cols, int batch,
                               double[] out) {
        DenseProducts.accumulateDots(y, yOff, rows, x, xOff, cols, batch, out);
    }

    @Override
    public int advance(IntegrateAndFireNeuron neuron, double[] membrane, int n, double[] current, double[] spikes,
                       double[] spikeSlopes, double[] resetSlopes, int oOff, NoiseAddress noise, int t) {
        return NeuronStep.advance(neuron, membrane, 0, n, current, 0, spikes, spikeSlopes, resetSlopes, oOff, noise,
                t);
    }

    @Override
    public void adjoint(IntegrateAndFireNeuron neuron, double[] lossPerSpike, double[] spikeSlopes,
                        double[] resetSlopes, int off, double[] carried, double[] lossPerCurrent,
                        double[] lossPerCurrentTotal, int n) {
        NeuronStep.adjoint(neuron, lossPerSpike, spikeSlopes, resetSlopes, off, carried, lossPerCurrent,
                lossPerCurrentTotal, n);
    }

    @Override
    public double sum(double[] x, int off, int n) {
        double sum = 0;
        for (int e = off; e < off + n; e++) {
            sum += x[e];
        }
        return sum;
    }

    @Override
    public void addInto(double[] into, double[] x, int xOff, int n) {
        for (int e = 0; e < n; e++) {
            into[e] += x[xOff + e];
        }
    }

    @Override
    public void divide(double[] src, double[] dst, int n, int divisor) {
        for (int e = 0; e < n; e++) {
            dst[e] = src[e] / divisor;
        }
    }

    @Override
    public DataType type() {
        return DataType.DOUBLE;
    }

    @Override
    public double[] rowMajor(INDArray array) {
        return NdArrays.toDoubles(array);
    }

    @Override
    public void readRows(INDArray rows, int batch, int b0, int n, double[] part) {
        NdArrays.readRows(rows, batch, b0, n, part);
    }

    @Override
    public void readRows(INDArray rows, int firstRow, int count, int batch, int b0, int n, double[] part) {
        NdArrays.readRows(rows, firstRow, count, batch, b0, n, part);
    }

    @Override
    public void writeRows(double[] part, int n, INDArray rows, int batch, int b0) {
        NdArrays.writeRows(part, n, rows, batch, b0);
    }

    @Override
    public int firstNonFinite(double[] values) {
        return FiniteScan.firstNonFinite(values);
    }

    @Override
    public double get(double[] values, int e) {
        return values[e];
    }
}
