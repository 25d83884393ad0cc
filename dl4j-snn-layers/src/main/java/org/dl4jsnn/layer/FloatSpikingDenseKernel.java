package org.dl4jsnn.layer;

import org.dl4jsnn.neuron.IntegrateAndFireNeuron;

/**
 * {@link SpikingDensePass} in float, for callers that hold float arrays: a FLOAT network's kernels, whose
 * activations never widen to double (weight and bias gradients are accumulated in double).
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
        SpikingDensePass.Trace<float[]> t = SpikingDensePass.forward(KernelPrecision.FLOAT, shape, input, w, bias,
                neuron, withSlopes, noiseSeed, batchOffset);
        return new Trace(t.spikes(), t.spikeSlopes(), t.resetSlopes(), t.spikeCount());
    }

    /** Back-propagation through time, as {@link SpikingDenseKernel#backward}. */
    public static Gradients backward(LayerShape shape, Trace trace, float[] lossPerSpike, float[] input, float[] w,
                                     IntegrateAndFireNeuron neuron) {
        SpikingDensePass.Gradients<float[]> g = SpikingDensePass.backward(KernelPrecision.FLOAT, shape,
                trace.spikeSlopes(), trace.resetSlopes(), lossPerSpike, input, input.length, w, neuron);
        return new Gradients(g.weights(), g.bias(), g.input());
    }
}
