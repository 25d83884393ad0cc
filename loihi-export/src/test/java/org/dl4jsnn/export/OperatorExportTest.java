package org.dl4jsnn.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.operator.BranchRows;
import org.dl4jsnn.operator.SpikingDeepOnet;
import org.dl4jsnn.operator.SpikingSepOnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class OperatorExportTest {

    @TempDir
    Path dir;

    @Test
    void deepOnetExportsBranchAndTrunkAndAManifestWhoseFormulaIsTheGraphs() throws Exception {
        ComputationGraph net = new ComputationGraph(SpikingDeepOnet.builder().sensors(5).hidden(6).latent(3)
                .timeSteps(8).seed(3).build());
        net.init();
        // a non-trivial output layer, so the manifest's weight and bias matter
        net.getLayer("u").getParam("W").assign(1.5);
        net.getLayer("u").getParam("b").assign(-0.25);
        ModelExporter.Result r = ModelExporter.export(net, dir, EnumSet.allOf(ExportFormat.class), 2.0);
        assertThat(r.combination().kind()).isEqualTo(OperatorCombination.Kind.DEEPONET);
        assertThat(r.combination().parts()).containsExactly("branch_out", "trunk_out");
        assertThat(r.networks()).extracting(ExportedNetwork::input).containsExactly("branch", "trunk");
        for (String f : new String[] {"branch_out.net", "branch_out.nir", "trunk_out.net", "trunk_out.nir",
                "manifest.json", "quantization.md"}) {
            assertThat(dir.resolve(f)).isRegularFile();
        }
        assertThat(NetxReader.read(dir.resolve("branch_out.net")).inputSize()).isEqualTo(5);
        assertThat(NetxReader.read(dir.resolve("trunk_out.net")).outputSize()).isEqualTo(3);
        String manifest = Files.readString(r.manifest());
        assertThat(manifest).contains("\"kind\": \"deeponet\"", "\"outputWeight\": 1.5", "\"outputBias\": -0.25",
                "\"branch_out.net\"", "\"resetMatchesLoihi\": false");

        // the formula, applied to the nets' own outputs, gives the graph's output
        INDArray f = Nd4j.rand(DataType.FLOAT, 4, 5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 1);
        Map<String, INDArray> acts = net.feedForward(new INDArray[] {f, x}, false);
        INDArray u = net.outputSingle(f, x);
        for (int s = 0; s < 4; s++) {
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                sum += acts.get("branch_out").getDouble(s, k) * acts.get("trunk_out").getDouble(s, k);
            }
            assertThat(1.5 * sum - 0.25).isCloseTo(u.getDouble(s, 0), within(1e-5));
        }
    }

    @Test
    void perFunctionDeepOnetExportsTheSameTwoNetsNotItsIndex() throws Exception {
        ComputationGraph net = new ComputationGraph(SpikingDeepOnet.builder().sensors(5).hidden(6).latent(3)
                .timeSteps(8).seed(3).branchRows(BranchRows.PER_FUNCTION).build());
        net.init();
        ModelExporter.Result r = ModelExporter.export(net, dir, EnumSet.allOf(ExportFormat.class), 2.0);
        assertThat(r.combination().kind()).isEqualTo(OperatorCombination.Kind.DEEPONET);
        assertThat(r.combination().parts()).containsExactly("branch_out", "trunk_out");
        assertThat(r.networks()).extracting(ExportedNetwork::input).containsExactly("branch", "trunk");
    }

    @Test
    void sepOnetExportsThreeNetsWithItsGrid() throws Exception {
        ComputationGraph net = new ComputationGraph(SpikingSepOnet.builder().sensors(4).hidden(5).rank(2)
                .timeSteps(6).grid(3, 2).build());
        net.init();
        ModelExporter.Result r = ModelExporter.export(net, dir, EnumSet.of(ExportFormat.NETX), 1.0);
        assertThat(r.combination().kind()).isEqualTo(OperatorCombination.Kind.SEPONET);
        assertThat(r.combination().parts()).containsExactly("branch_out", "x_out", "t_out");
        assertThat(r.combination().outputWeight()).isEqualTo(1.0);
        assertThat(r.combination().outputBias()).isZero();
        assertThat(Files.readString(r.manifest())).contains("\"nx\": 3", "\"nt\": 2", "\"kind\": \"seponet\"");
        assertThat(dir.resolve("x_out.nir")).doesNotExist();
        assertThat(NetxReader.read(dir.resolve("t_out.net")).inputSize()).isEqualTo(1);
    }
}
