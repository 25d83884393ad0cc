package org.dl4jsnn.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dl4jsnn.neuron.ResetMode;

/**
 * The NIR form of a {@link SpikingMlp} (docs/export.md, "NIR"): Input -> Affine -> IF -> ... -> Affine ->
 * IF (readout) -> Output, one time step per unit of time. NIR's IF resets to v_reset = 0, which is the
 * model only for {@link ResetMode#ZERO}. The readout y = W_o mean_t(S_t) + b_o becomes an Affine with
 * W_o / T and b_o / T into an IF whose threshold is never reached, so after T steps its v is y; an IF
 * is read by more simulators than NIR's exact integrator I.
 */
public final class NirExporter {

    /** NIR's serialization version written to the root {@code version} dataset. */
    public static final String VERSION = "1.0.7";
    /** A threshold no readout voltage reaches (the readout integrates, never spikes). */
    public static final double READOUT_THRESHOLD = 1e9;

    private NirExporter() {
    }

    public static NirGraph graph(SpikingMlp mlp) {
        Map<String, NirGraph.Node> nodes = new LinkedHashMap<>();
        List<NirGraph.Edge> edges = new ArrayList<>();
        nodes.put("input", new NirGraph.Node("Input", Map.of("shape", new long[] {mlp.inputSize()})));
        String prev = "input";
        for (int l = 0; l < mlp.layers().size(); l++) {
            DenseParams p = mlp.layers().get(l);
            String affine = "fc" + l;
            String neuron = "if" + l;
            nodes.put(affine, affine(p.weight(), p.bias(), 1.0));
            nodes.put(neuron, integrateAndFire(p.nOut(), mlp.thresholds()[l]));
            edges.add(new NirGraph.Edge(prev, affine));
            edges.add(new NirGraph.Edge(affine, neuron));
            prev = neuron;
        }
        DenseParams r = mlp.readout();
        nodes.put("readout", affine(r.weight(), r.bias(), 1.0 / mlp.timeSteps()));
        nodes.put("readout_v", integrateAndFire(r.nOut(), READOUT_THRESHOLD));
        nodes.put("output", new NirGraph.Node("Output", Map.of("shape", new long[] {r.nOut()})));
        edges.add(new NirGraph.Edge(prev, "readout"));
        edges.add(new NirGraph.Edge("readout", "readout_v"));
        edges.add(new NirGraph.Edge("readout_v", "output"));
        return new NirGraph(VERSION, nodes, edges);
    }

    private static NirGraph.Node affine(double[][] w, double[] b, double factor) {
        double[][] ws = new double[w.length][];
        double[] bs = new double[b.length];
        for (int j = 0; j < w.length; j++) {
            ws[j] = new double[w[j].length];
            for (int i = 0; i < w[j].length; i++) {
                ws[j][i] = w[j][i] * factor;
            }
            bs[j] = b[j] * factor;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("weight", ws);
        p.put("bias", bs);
        return new NirGraph.Node("Affine", p);
    }

    private static NirGraph.Node integrateAndFire(int n, double threshold) {
        double[] r = new double[n];
        double[] th = new double[n];
        Arrays.fill(r, 1.0);
        Arrays.fill(th, threshold);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("r", r);
        p.put("v_threshold", th);
        p.put("v_reset", new double[n]);
        return new NirGraph.Node("IF", p);
    }
}
