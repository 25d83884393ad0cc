package org.dl4jsnn.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts a {@link SpikingMlp} on Loihi's integer grid, one positive scale k per layer (docs/export.md,
 * "Quantization"). Integrate-and-Fire spikes do not change when W, b and theta of a layer are all
 * multiplied by k > 0, so k is free; the largest power of two is taken that keeps every range:
 * <ul>
 *   <li>spiking layers: k max|w| <= 254, k max|b| <= 4095, k theta <= 131071, and one step's synaptic
 *       input k max_j sum_i |w_ji| <= 32767 (int16);</li>
 *   <li>the encoder (first layer, current written as bias): k max|W x + b| <= 4095 over calibration
 *       inputs, k theta <= 131071;</li>
 *   <li>the readout: k max|w| <= 254 and its voltage 64 k N max_j sum_i |w_ji| <= 2^23 - 1 after N steps,
 *       so it never saturates; its bias stays on the host as an offset.</li>
 * </ul>
 */
public final class Quantizer {

    private Quantizer() {
    }

    /** The result and its per-layer report. */
    public record Result(LoihiNetwork network, List<LayerQuantization> report) {
        public Result {
            report = List.copyOf(report);
        }
    }

    /**
     * @param calibration inputs [n][nIn] that bound the first layer's current (e.g. the training inputs, or the
     *                    corners of the input domain); the encoder's k keeps their currents in range
     */
    public static Result quantize(SpikingMlp mlp, double[][] calibration) {
        if (calibration.length == 0) {
            throw new IllegalArgumentException("calibration needs at least one input row");
        }
        List<LayerQuantization> report = new ArrayList<>();
        InputEncoder encoder = encoder(mlp, calibration, report);
        List<QuantizedLayer> layers = new ArrayList<>();
        for (int l = 1; l < mlp.layers().size(); l++) {
            layers.add(spiking(mlp.layers().get(l), mlp.thresholds()[l], report));
        }
        int runSteps = mlp.timeSteps() + mlp.layers().size();
        QuantizedLayer readout = readout(mlp.readout(), runSteps, report);
        LoihiNetwork net = new LoihiNetwork(encoder, layers, readout, mlp.readout().bias().clone(), mlp.timeSteps(),
                mlp.resetMode());
        return new Result(net, report);
    }

    /**
     * Quantizes with the encoder's scale bounded over the input box |x_i| <= inputBound: the largest current
     * there is |b_j| + inputBound sum_i |w_ji|.
     */
    public static Result quantize(SpikingMlp mlp, double inputBound) {
        DenseParams first = mlp.layers().get(0);
        double[] x = new double[first.nIn()];
        // one row per neuron at the box corner that maximizes |current_j|
        double[][] corners = new double[first.nOut()][];
        for (int j = 0; j < corners.length; j++) {
            double sign = first.bias()[j] >= 0 ? 1 : -1;
            for (int i = 0; i < x.length; i++) {
                x[i] = sign * Math.signum(first.weight()[j][i]) * inputBound;
            }
            corners[j] = x.clone();
        }
        return quantize(mlp, corners);
    }

    /** The per-layer scales quantize would choose for spike-driven layers and the readout, in order. */
    public static double[] gridScales(SpikingMlp mlp) {
        double[] k = new double[mlp.layers().size()];
        for (int l = 1; l < mlp.layers().size(); l++) {
            k[l - 1] = spikingScale(mlp.layers().get(l), mlp.thresholds()[l]).k;
        }
        k[k.length - 1] = readoutScale(mlp.readout(), mlp.timeSteps() + mlp.layers().size()).k;
        return k;
    }

    private record Scale(double k, String limitedBy) {
    }

    /** Keeps the smallest limit and its name. */
    private static final class Limits {
        double value = Double.POSITIVE_INFINITY;
        String name = "none";

        void at(String what, double limit) {
            if (limit < value) {
                value = limit;
                name = what;
            }
        }

        Scale scale() {
            return new Scale(FixedPointGrid.powerOfTwoAtMost(value), name);
        }
    }

    private static double over(double capacity, double magnitude) {
        return magnitude > 0 ? capacity / magnitude : Double.POSITIVE_INFINITY;
    }

    private static Scale spikingScale(DenseParams p, double theta) {
        Limits lim = new Limits();
        lim.at("threshold", LoihiLimits.VTH_MAX / theta);
        lim.at("weight", over(LoihiLimits.WEIGHT_MAX, p.maxAbsWeight()));
        lim.at("bias", over(LoihiLimits.BIAS_MAX, p.maxAbsBias()));
        // +1 per input: each weight may round up by one unit
        lim.at("synaptic input", over(LoihiLimits.SYNAPTIC_INPUT_MAX - p.nIn(), p.maxRowAbsSum()));
        return lim.scale();
    }

    private static Scale readoutScale(DenseParams p, int runSteps) {
        Limits lim = new Limits();
        lim.at("weight", over(LoihiLimits.WEIGHT_MAX, p.maxAbsWeight()));
        double voltageRoom = (double) (LoihiLimits.UV_LIMIT - 1) / (1 << LoihiLimits.ACTIVATION_SHIFT) / runSteps;
        lim.at("voltage", over(voltageRoom - p.nIn(), p.maxRowAbsSum()));
        lim.at("synaptic input", over(LoihiLimits.SYNAPTIC_INPUT_MAX - p.nIn(), p.maxRowAbsSum()));
        return lim.scale();
    }

    private static InputEncoder encoder(SpikingMlp mlp, double[][] calibration, List<LayerQuantization> report) {
        DenseParams first = mlp.layers().get(0);
        double theta = mlp.thresholds()[0];
        double maxCurrent = 0;
        for (double[] x : calibration) {
            for (double c : first.apply(x)) {
                maxCurrent = Math.max(maxCurrent, Math.abs(c));
            }
        }
        Limits lim = new Limits();
        lim.at("threshold", LoihiLimits.VTH_MAX / theta);
        lim.at("current", over(LoihiLimits.BIAS_MAX, maxCurrent));
        Scale s = lim.scale();
        int vth = thresholdMantissa(first.name(), theta, s.k);
        report.add(new LayerQuantization(first.name(), "encoder", s.k, s.limitedBy, 0, 0, 0, 0, vth));
        return new InputEncoder(first, s.k, CubaParams.integrateAndFire(vth));
    }

    private static QuantizedLayer spiking(DenseParams p, double theta, List<LayerQuantization> report) {
        Scale s = spikingScale(p, theta);
        int vth = thresholdMantissa(p.name(), theta, s.k);
        return grid(p, s, CubaParams.integrateAndFire(vth), true, "spiking", vth, report);
    }

    private static QuantizedLayer readout(DenseParams p, int runSteps, List<LayerQuantization> report) {
        return grid(p, readoutScale(p, runSteps), CubaParams.readout(), false, "readout", 0, report);
    }

    private static int thresholdMantissa(String layer, double theta, double k) {
        long m = Math.round(k * theta);
        if (m < 1 || m > LoihiLimits.VTH_MAX) {
            throw new UnsupportedModelException("layer '" + layer + "': field threshold " + theta + " at scale " + k
                    + " gives mantissa " + m + ", outside [1, " + LoihiLimits.VTH_MAX + "]");
        }
        return (int) m;
    }

    private static QuantizedLayer grid(DenseParams p, Scale s, CubaParams neuron, boolean withBias, String role,
                                       int vth, List<LayerQuantization> report) {
        double k = s.k;
        int[][] w = new int[p.nOut()][p.nIn()];
        int[] b = new int[p.nOut()];
        int wClipped = 0;
        int bClipped = 0;
        double maxErr = 0;
        double errSq = 0;
        double normSq = 0;
        for (int j = 0; j < p.nOut(); j++) {
            for (int i = 0; i < p.nIn(); i++) {
                double wf = p.weight()[j][i];
                if (FixedPointGrid.weightClips(wf, k)) {
                    wClipped++;
                }
                w[j][i] = FixedPointGrid.weightMantissa(wf, k);
                double e = wf - w[j][i] / k;
                maxErr = Math.max(maxErr, Math.abs(e));
                errSq += e * e;
                normSq += wf * wf;
            }
            if (withBias) {
                if (FixedPointGrid.biasClips(p.bias()[j], k)) {
                    bClipped++;
                }
                b[j] = FixedPointGrid.biasMantissa(p.bias()[j], k);
            }
        }
        report.add(new LayerQuantization(p.name(), role, k, s.limitedBy, wClipped, bClipped, maxErr,
                normSq > 0 ? Math.sqrt(errSq / normSq) : 0, vth));
        return new QuantizedLayer(p.name(), w, b, neuron, k);
    }
}
