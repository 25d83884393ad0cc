package org.dl4jsnn.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.neuron.ResetMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

class NirExportTest {

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsEveryArrayAndTheLayout() {
        SpikingMlp mlp = TestModels.mlp(5, ResetMode.ZERO, 8, 2, 4, 3, 1);
        NirGraph g = NirExporter.graph(mlp);
        Path file = dir.resolve("m.nir");
        NirFile.write(g, file);
        NirGraph back = NirFile.read(file);
        assertThat(back.version()).isEqualTo("1.0.7");
        assertThat(back.edges()).isEqualTo(g.edges());
        assertThat(back.edges()).extracting(NirGraph.Edge::source).containsExactly("input", "fc0", "if0", "fc1",
                "if1", "readout", "readout_v");
        assertThat(back.nodes().keySet()).containsExactlyInAnyOrderElementsOf(g.nodes().keySet());
        for (var e : g.nodes().entrySet()) {
            NirGraph.Node b = back.nodes().get(e.getKey());
            assertThat(b.type()).isEqualTo(e.getValue().type());
            assertThat(b.params().keySet()).containsExactlyInAnyOrderElementsOf(e.getValue().params().keySet());
            for (var p : e.getValue().params().entrySet()) {
                Object got = b.params().get(p.getKey());
                if (p.getValue() instanceof double[][] w) {
                    double[][] gw = (double[][]) got;
                    for (int j = 0; j < w.length; j++) {
                        for (int i = 0; i < w[j].length; i++) {
                            assertThat(gw[j][i]).isEqualTo((double) (float) w[j][i]);
                        }
                    }
                } else if (p.getValue() instanceof double[] v) {
                    double[] gv = (double[]) got;
                    for (int i = 0; i < v.length; i++) {
                        assertThat(gv[i]).isEqualTo((double) (float) v[i]);
                    }
                } else {
                    assertThat(got).isEqualTo(p.getValue());
                }
            }
        }
        try (HdfFile f = new HdfFile(file)) {
            assertThat(f.getDatasetByPath("version").isScalar()).isTrue();
            assertThat(f.getDatasetByPath("node/type").getData()).isEqualTo("NIRGraph");
            assertThat(f.getDatasetByPath("node/edges").getDimensions()).containsExactly(7, 2);
            Dataset w = f.getDatasetByPath("node/nodes/fc1/weight");
            assertThat(w.getJavaType()).isEqualTo(float.class);
            assertThat(w.getDimensions()).containsExactly(3, 4);
            assertThat(f.getDatasetByPath("node/nodes/if1/v_threshold").getDimensions()).containsExactly(3);
            assertThat(f.getDatasetByPath("node/nodes/input/shape").getJavaType()).isEqualTo(long.class);
            assertThat(f.getDatasetByPath("node/nodes/input/type").getData()).isEqualTo("Input");
        }
    }

    /**
     * Runs the NIR graph read from the file as a discrete-time simulator would (one step per unit of time,
     * IF: v += r I, spike when v > v_threshold, then v = v_reset) and compares with the DL4J model.
     */
    @Test
    void theFileSimulatedStepByStepGivesTheModelsOutput() {
        ComputationGraph net = MexicanHatModels.trained(ResetMode.ZERO, 3, 20);
        SpikingMlp mlp = SpikingMlpExtractor.extract(net, "u");
        Path file = dir.resolve("hat.nir");
        NirFile.write(NirExporter.graph(mlp), file);
        NirGraph g = NirFile.read(file);
        double[][] inputs = TestModels.inputs(9, 40, 2, 3);
        float[] model = net.outputSingle(Nd4j.createFromArray(toFloat(inputs))).toFloatVector();
        for (int s = 0; s < inputs.length; s++) {
            assertThat(simulate(g, inputs[s], mlp.timeSteps())[0]).as("sample " + s).isCloseTo(model[s], within(1e-5));
        }
    }

    private static float[][] toFloat(double[][] x) {
        float[][] f = new float[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                f[i][j] = (float) x[i][j];
            }
        }
        return f;
    }

    /** Follows the chain of edges from "input"; IF nodes keep their voltage across steps. */
    private static double[] simulate(NirGraph g, double[] x, int steps) {
        List<String> order = new ArrayList<>();
        String at = "input";
        while (true) {
            order.add(at);
            String from = at;
            var next = g.edges().stream().filter(e -> e.source().equals(from)).findFirst();
            if (next.isEmpty()) {
                break;
            }
            at = next.get().target();
        }
        Map<String, double[]> voltage = new HashMap<>();
        double[] last = null;
        for (int t = 0; t < steps; t++) {
            double[] signal = x;
            for (String name : order) {
                NirGraph.Node n = g.nodes().get(name);
                switch (n.type()) {
                    case "Affine" -> {
                        double[][] w = (double[][]) n.params().get("weight");
                        double[] b = (double[]) n.params().get("bias");
                        double[] y = new double[w.length];
                        for (int j = 0; j < y.length; j++) {
                            y[j] = b[j];
                            for (int i = 0; i < signal.length; i++) {
                                y[j] += w[j][i] * signal[i];
                            }
                        }
                        signal = y;
                    }
                    case "IF" -> {
                        double[] r = (double[]) n.params().get("r");
                        double[] th = (double[]) n.params().get("v_threshold");
                        double[] reset = (double[]) n.params().get("v_reset");
                        double[] v = voltage.computeIfAbsent(name, k -> new double[r.length]);
                        double[] s = new double[v.length];
                        for (int j = 0; j < v.length; j++) {
                            v[j] += r[j] * signal[j];
                            if (v[j] > th[j]) {
                                s[j] = 1;
                                v[j] = reset[j];
                            }
                        }
                        signal = s;
                        last = v;
                    }
                    default -> {
                    }
                }
            }
        }
        return last;
    }
}
