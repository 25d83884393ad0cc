package org.dl4jsnn.layer;

import org.dl4jsnn.kernel.DenseProducts;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.NeuronStep;
import org.dl4jsnn.neuron.NoiseAddress;

/**
 * {@link SpikingDenseKernel} for a FLOAT network: the same layouts, loops and neuron step
 * ({@link NeuronStep}'s float overloads run the rule that the double kernel runs) on float arrays, so a
 * FLOAT network's activations never widen to double. Weight and bias gradients are accumulated in double
 * (see {@link DenseProducts#accumulateDots(float[], int, int, float[], int, int, int, double[])}).
 */
public final class FloatSpikingDenseKernel {

    private FloatSpikingDenseKernel() {
    }

    /** What the forward pass keeps for back-propagation, [t][j][b]; slopes are null for inference. */
    public record Trace(float[] spikes, float[] spikeSlopes, float[] resetSlopes, long spikeCount) {
    }

    /** The gradients of one backward pass; weight and bias gradients are sums over the minibatch. */
    public record Gradients(double[] weights, double[] bias, float[] input) {
    }

    /** See {@link SpikingDenseKernel#forward(LayerShape, double[], double[], double[], IntegrateAndFireNeuron, boolean, long, int)}. */
    public static Trace forward(LayerShape shape, float[] input, float[] w, float[] bias,
                                IntegrateAndFireNeuron neuron, boolean withSlopes, long noiseSeed, int batchOffset) {
        final int nIn = shape.nIn();
        final int nOut = shape.nOut();
        final int steps = shape.steps();
        final int batch = shape.batch();
        final int block = batch * nOut;
        NoiseAddress noise = new NoiseAddress(noiseSeed, steps, nOut, batch, true, batchOffset);
        float[] spikes = new float[block * steps];
        float[] g = withSlopes ? new float[spikes.length] : null;
        float[] a = withSlopes ? new float[spikes.length] : null;
        float[] membrane = new float[block];
        float[] current = new float[block];
        if (!shape.spikeInput()) {
            DenseProducts.columns(w, 0, nOut, nIn, input, 0, batch, bias, 0, current, 0, false);
        }
        long fired = 0;
        for (int t = 0; t < steps; t++) {
            if (shape.spikeInput()) {
                DenseProducts.columns(w, 0, nOut, nIn, input, t * nIn * batch, batch, bias, 0, current, 0, false);
            }
            fired += NeuronStep.advance(neuron, membrane, 0, block, current, 0, spikes, g, a, t * block, noise, t);
        }
        return new Trace(spikes, g, a, fired);
    }

    /** Back-propagation through time, as {@link SpikingDenseKernel#backward}. */
    public static Gradients backward(LayerShape shape, Trace trace, float[] lossPerSpike, float[] input, float[] w,
                                     IntegrateAndFireNeuron neuron) {
        final int nIn = shape.nIn();
        final int nOut = shape.nOut();
        final int steps = shape.steps();
        final int batch = shape.batch();
        final int block = batch * nOut;
        float[] g = trace.spikeSlopes();
        float[] a = trace.resetSlopes();
        float[] wT = DenseProducts.transpose(w, 0, nOut, nIn);
        float[] dInput = new float[input.length];
        double[] dW = new double[nOut * nIn];
        float[] carried = new float[block];
        float[] dCurrent = new float[block];
        float[] total = new float[block];
        for (int t = steps - 1; t >= 0; t--) {
            int off = t * block;
            NeuronStep.adjoint(neuron, lossPerSpike, g, a, off, carried, dCurrent, total, block);
            if (shape.spikeInput()) {
                int in = t * nIn * batch;
                DenseProducts.accumulateDots(dCurrent, 0, nOut, input, in, nIn, batch, dW);
                DenseProducts.columns(wT, 0, nIn, nOut, dCurrent, 0, batch, null, 0, dInput, in, false);
            }
        }
        if (!shape.spikeInput()) {
            DenseProducts.accumulateDots(total, 0, nOut, input, 0, nIn, batch, dW);
            DenseProducts.columns(wT, 0, nIn, nOut, total, 0, batch, null, 0, dInput, 0, false);
        }
        double[] dBias = new double[nOut];
        for (int j = 0; j < nOut; j++) {
            double sum = 0;
            for (int b = 0, o = j * batch; b < batch; b++) {
                sum += total[o + b];
            }
            dBias[j] = sum;
        }
        return new Gradients(dW, dBias, dInput);
    }
}
