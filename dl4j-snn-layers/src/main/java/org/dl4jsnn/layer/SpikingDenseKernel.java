package org.dl4jsnn.layer;

import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.neuron.NoiseAddress;

/**
 * {@link SpikingDensePass} in double, for callers that hold double arrays (the forward-mode engine's tests,
 * the Loihi reference): the exact double kernels of a DOUBLE network.
 */
public final class SpikingDenseKernel {

    private SpikingDenseKernel() {
    }

    /** What the forward pass keeps for back-propagation, [t][j][b]; slopes are null for inference. */
    public record Trace(double[] spikes, double[] spikeSlopes, double[] resetSlopes, long spikeCount) {
    }

    /** The gradients of one backward pass; weight and bias gradients are sums over the minibatch. */
    public record Gradients(double[] weights, double[] bias, double[] input) {
    }

    /** {@link SpikingDensePass#forward} of a whole minibatch. */
    public static Trace forward(LayerShape shape, double[] input, double[] w, double[] bias,
                                IntegrateAndFireNeuron neuron, boolean withSlopes, long noiseSeed) {
        return forward(shape, input, w, bias, neuron, withSlopes, noiseSeed, 0);
    }

    /**
     * {@link SpikingDensePass#forward} on a slice of the minibatch whose first example is example
     * {@code batchOffset} of the whole (see {@link NoiseAddress}).
     */
    public static Trace forward(LayerShape shape, double[] input, double[] w, double[] bias,
                                IntegrateAndFireNeuron neuron, boolean withSlopes, long noiseSeed, int batchOffset) {
        SpikingDensePass.Trace<double[]> t = SpikingDensePass.forward(KernelPrecision.DOUBLE, shape, input, w, bias,
                neuron, withSlopes, noiseSeed, batchOffset);
        return new Trace(t.spikes(), t.spikeSlopes(), t.resetSlopes(), t.spikeCount());
    }

    /** {@link SpikingDensePass#backward}; dL/dS is [t][j][b], the input as given to {@link #forward}. */
    public static Gradients backward(LayerShape shape, Trace trace, double[] lossPerSpike, double[] input,
                                     double[] w, IntegrateAndFireNeuron neuron) {
        SpikingDensePass.Gradients<double[]> g = SpikingDensePass.backward(KernelPrecision.DOUBLE, shape,
                trace.spikeSlopes(), trace.resetSlopes(), lossPerSpike, input, input.length, w, neuron);
        return new Gradients(g.weights(), g.bias(), g.input());
    }
}
