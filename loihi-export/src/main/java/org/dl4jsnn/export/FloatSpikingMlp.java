package org.dl4jsnn.export;

import org.dl4jsnn.layer.LayerShape;
import org.dl4jsnn.layer.SpikingDenseKernel;
import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.surrogate.Surrogate;

/**
 * The float model of one exported net, run with the same kernel DL4J's SpikingDense layer uses (no
 * Loihi timing, no quantization): what emulated outputs are compared against when the net is part of an
 * operator graph and has no DL4J output of its own.
 */
public final class FloatSpikingMlp {

    private final SpikingMlp mlp;

    public FloatSpikingMlp(SpikingMlp mlp) {
        this.mlp = mlp;
    }

    public double[] run(double[] x) {
        int steps = mlp.timeSteps();
        double[] input = x;
        boolean spikes = false;
        for (int l = 0; l < mlp.layers().size(); l++) {
            DenseParams p = mlp.layers().get(l);
            double[] w = new double[p.nOut() * p.nIn()];
            for (int j = 0; j < p.nOut(); j++) {
                System.arraycopy(p.weight()[j], 0, w, j * p.nIn(), p.nIn());
            }
            IntegrateAndFireNeuron neuron = new IntegrateAndFireNeuron(mlp.thresholds()[l], 1.0, mlp.resetMode(),
                    false, Surrogate.gaussian(0.5), false);
            input = SpikingDenseKernel.forward(new LayerShape(1, p.nIn(), p.nOut(), steps, spikes), input, w, p.bias(),
                    neuron, false, 0).spikes();
            spikes = true;
        }
        double[] rates = new double[mlp.readout().nIn()];
        for (int i = 0; i < rates.length; i++) {
            for (int t = 0; t < steps; t++) {
                rates[i] += input[t * rates.length + i]; // the kernel's [t][i] layout at batch 1
            }
            rates[i] /= steps;
        }
        return mlp.readout().apply(rates);
    }
}
