package org.dl4jsnn.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.neuron.ResetMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** dl4j-snn export and emulate end to end on a small reset-to-zero net. */
class ExportCommandTest {

    @TempDir
    Path dir;

    private Path savedModel() throws Exception {
        var conf = new NeuralNetConfiguration.Builder().seed(5).graphBuilder().addInputs("xy")
                .addLayer("spikes0", new SpikingDense.Builder().nOut(8).timeSteps(8).resetMode(ResetMode.ZERO).build(),
                        "xy")
                .addLayer("rates", new TimeAverage.Builder().build(), "spikes0")
                .addLayer("u", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(1).build(), "rates")
                .setOutputs("u").setInputTypes(InputType.feedForward(2)).build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        Path zip = dir.resolve("model.zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);
        return zip;
    }

    @Test
    void exportThenEmulateWritesFilesAndComparesWithTheModel() throws Exception {
        Path zip = savedModel();
        CliHarness cli = new CliHarness(FakeTaskRunner.grid("fake"));
        Path out = dir.resolve("export");
        CliHarness.Result r = cli.run("export", zip.toString(), "--format", "netx,nir", "--out", out.toString(),
                "--input-bound", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out.resolve("u.net")).isRegularFile();
        assertThat(out.resolve("u.nir")).isRegularFile();
        assertThat(out.resolve("manifest.json")).isRegularFile();
        assertThat(r.out()).contains("u.net", "| encoder |");

        Path csv = dir.resolve("in.csv");
        Files.write(csv, List.of("x,y,f", "0.5,-1,0.2", "1,1,0.1", "-2,0.25,0.3"));
        Path emu = dir.resolve("emu");
        r = cli.run("emulate", out.resolve("u.net").toString(), "--input", csv.toString(), "--model", zip.toString(),
                "--out", emu.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("synaptic ops", "against the targets", "against the float model");
        List<String> rows = Files.readAllLines(emu.resolve("predictions.csv"));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).isEqualTo("emulated0,model0,target");
        assertThat(emu.resolve("energy.md")).isRegularFile();
    }

    @Test
    void resetZeroAndFineTuneSaveTheAdaptedModelAndExportIt() throws Exception {
        Path zip = savedModel();
        Path train = dir.resolve("train.csv");
        List<String> rows = new ArrayList<>();
        Random rnd = new Random(1);
        for (int i = 0; i < 200; i++) {
            double x = 2 * rnd.nextDouble() - 1;
            double y = 2 * rnd.nextDouble() - 1;
            rows.add(x + "," + y + "," + (x * y));
        }
        Files.write(train, rows);
        Path out = dir.resolve("tuned");
        CliHarness.Result r = new CliHarness(FakeTaskRunner.grid("fake")).run("export", zip.toString(), "--out",
                out.toString(), "--reset-zero", "--fine-tune", "20", "--train", train.toString(), "--format", "netx");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("fine-tuned 20 minibatches", "model-for-export.zip");
        assertThat(out.resolve("model-for-export.zip")).isRegularFile();
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"resetMatchesLoihi\": true");
        assertThat(out.resolve("u.nir")).doesNotExist();
    }

    @Test
    void fineTuneWithoutTrainingRowsIsAUsageError() throws Exception {
        CliHarness.Result r = new CliHarness(FakeTaskRunner.grid("fake")).run("export", savedModel().toString(),
                "--out", dir.resolve("o").toString(), "--fine-tune", "5");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--train");
    }

    @Test
    void aTruncatedModelFailsNamingTheFile() throws Exception {
        Path zip = savedModel();
        byte[] all = Files.readAllBytes(zip);
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        CliHarness.Result r = new CliHarness(FakeTaskRunner.grid("fake")).run("export", cut.toString(), "--out",
                dir.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("dl4j-snn: error:", "cut.zip");
    }
}
