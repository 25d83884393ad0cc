package org.dl4jsnn.samediff.model;

import org.dl4jsnn.neuron.IntegrateAndFireNeuron;
import org.dl4jsnn.samediff.spike.SpikeNoise;
import org.dl4jsnn.samediff.spike.SpikeOps;
import org.dl4jsnn.samediff.spike.SpikeSite;
import org.dl4jsnn.surrogate.SteinSurrogate;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A spiking MLP (docs/design.md section 1) as a SameDiff graph, unrolled over T steps.
 *
 * <p>Layer l has weights {@code W<l>} [nOut, nIn] and bias {@code b<l>}; the readout has
 * {@code Wout}, {@code bout}. For each step: U_t = beta U'_{t-1} + W s_t + b, S_t = H(U_t - theta),
 * then the reset. The first layer's input is the placeholder x at every step, so W x + b is built
 * once. Loss = mean((y - target)^2) over batch and outputs, DL4J's MSE score. The recurrence is the
 * core neuron's: the same spikes as {@code SpikingDense} with the same weights.
 *
 * @param layerParameters per spiking layer then the readout: that layer's parameter names
 * @param layerSpikes     per spiking layer: its spike variables, one per step
 * @param spikes          every spike, for forward mode's surrogate rule
 * @param noises          per spiking layer with a stochastic surrogate, the placeholder of its draws
 */
public record SpikingMlpGraph(SameDiff sameDiff, SpikingMlpSpec spec, String input, String target, String output,
                              String loss, List<List<String>> layerParameters, List<List<String>> layerSpikes,
                              List<SpikeSite> spikes, List<SpikeNoise> noises) {

    public SpikingMlpGraph {
        layerParameters = layerParameters.stream().map(List::copyOf).toList();
        layerSpikes = layerSpikes.stream().map(List::copyOf).toList();
        spikes = List.copyOf(spikes);
        noises = List.copyOf(noises);
    }

    public static SpikingMlpGraph build(SpikingMlpSpec spec) {
        SameDiff sd = SameDiff.create();
        SpikeOps spikeOps = spec.forwardModeOnly() ? SpikeOps.forwardOnly(sd) : new SpikeOps(sd);
        SplittableRandom random = new SplittableRandom(spec.seed());
        SDVariable x = sd.placeHolder("x", spec.dataType(), -1, spec.nIn());
        SDVariable target = sd.placeHolder("target", spec.dataType(), -1, spec.nOut());

        List<List<String>> parameters = new ArrayList<>();
        List<List<String>> layerSpikes = new ArrayList<>();
        List<SpikeNoise> noises = new ArrayList<>();
        List<SDVariable> previous = null;
        int fanIn = spec.nIn();
        for (int l = 0; l < spec.hidden().size(); l++) {
            int width = spec.hidden().get(l);
            SDVariable w = sd.var("W" + l, gaussian(random, spec, width, fanIn, spec.initGain() / Math.sqrt(fanIn)));
            SDVariable b = sd.var("b" + l, Nd4j.valueArrayOf(new long[]{width}, spec.biasInit() * spec.neuron().threshold(),
                    spec.dataType()));
            parameters.add(List.of(w.name(), b.name()));
            List<SDVariable> currents = new ArrayList<>();
            if (previous == null) {
                currents.add(affine(sd, x, w, b));   // direct current: the same at every step
            } else {
                for (SDVariable s : previous) {
                    currents.add(affine(sd, s, w, b));
                }
            }
            SpikeNoise noise = null;
            if (spec.neuron().surrogate() instanceof SteinSurrogate stein) {
                noise = spikeOps.noise("noise" + l, x, spec.layerIndices().get(l), width, spec.timeSteps(), stein);
                noises.add(noise);
            }
            previous = layer(spec, spikeOps, currents, noise);
            layerSpikes.add(previous.stream().map(SDVariable::name).toList());
            fanIn = width;
        }

        SDVariable wOut = sd.var("Wout", gaussian(random, spec, spec.nOut(), fanIn, 1.0 / Math.sqrt(fanIn)));
        SDVariable bOut = sd.var("bout", Nd4j.zeros(spec.dataType(), spec.nOut()));
        parameters.add(List.of(wOut.name(), bOut.name()));
        SDVariable spikeSum = previous.get(0);
        for (int t = 1; t < previous.size(); t++) {
            spikeSum = spikeSum.add(previous.get(t));
        }
        SDVariable rate = spikeSum.mul(1.0 / spec.timeSteps());
        SDVariable y = sd.mmul(rate, wOut, false, true, false).add("y", bOut);
        SDVariable loss = sd.math().square(y.sub(target)).mean("loss");
        sd.setLossVariables(loss);
        return new SpikingMlpGraph(sd, spec, x.name(), target.name(), y.name(), loss.name(), parameters,
                layerSpikes, spikeOps.sites(), noises);
    }

    /** All trainable parameter names, layer by layer. */
    public List<String> parameters() {
        return layerParameters.stream().flatMap(List::stream).toList();
    }

    public Map<String, INDArray> placeholders(INDArray x, INDArray target) {
        return Map.of(input, x, this.target, target);
    }

    /** One spiking layer over T steps; {@code currents} has one entry per step, or one reused at every step. */
    private static List<SDVariable> layer(SpikingMlpSpec spec, SpikeOps spikeOps, List<SDVariable> currents,
                                          SpikeNoise noise) {
        IntegrateAndFireNeuron neuron = spec.neuron();
        double theta = neuron.threshold();
        List<SDVariable> spikes = new ArrayList<>(spec.timeSteps());
        SDVariable membraneAfterReset = null;
        for (int t = 0; t < spec.timeSteps(); t++) {
            SDVariable current = currents.get(currents.size() == 1 ? 0 : t);
            SDVariable u;
            if (membraneAfterReset == null) {
                u = current;
            } else {
                SDVariable carried = neuron.beta() == 1.0 ? membraneAfterReset : membraneAfterReset.mul(neuron.beta());
                u = carried.add(current);
            }
            SDVariable s = spikeOps.spike(null, u.sub(theta), neuron.surrogate(), noise, t);
            spikes.add(s);
            if (t + 1 < spec.timeSteps()) {
                SDVariable r = neuron.resetDifferentiated() ? s : SpikeOps.stopGradient(s);
                membraneAfterReset = switch (neuron.resetMode()) {
                    case SUBTRACT -> u.sub(theta == 1.0 ? r : r.mul(theta));
                    case ZERO -> u.mul(r.rsub(1.0));
                };
            }
        }
        return spikes;
    }

    private static SDVariable affine(SameDiff sd, SDVariable in, SDVariable w, SDVariable b) {
        return sd.mmul(in, w, false, true, false).add(b);
    }

    private static INDArray gaussian(SplittableRandom random, SpikingMlpSpec spec, int rows, int cols, double std) {
        double[] values = new double[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = std * random.nextGaussian();
        }
        return Nd4j.create(values, new long[]{rows, cols}, spec.dataType());
    }
}
