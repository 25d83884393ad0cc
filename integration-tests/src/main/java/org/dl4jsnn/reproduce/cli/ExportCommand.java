package org.dl4jsnn.reproduce.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jsnn.export.ExportFormat;
import org.dl4jsnn.export.ExportManifest;
import org.dl4jsnn.export.ExportedNetwork;
import org.dl4jsnn.export.ModelExporter;
import org.dl4jsnn.export.ModelFiles;
import org.dl4jsnn.export.QuantizationAwareFineTune;
import org.dl4jsnn.export.ResetConversion;
import org.dl4jsnn.export.SpikingMlpExtractor;
import org.dl4jsnn.export.TrainingTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dl4j-snn export MODEL.zip}: Lava netx (Loihi 2) and NIR files of a trained spiking network. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Export a trained spiking MLP or operator network (a ComputationGraph zip) to Lava netx HDF5"
                + " (.net, quantized for Loihi 2) and/or NIR (.nir); writes manifest.json and quantization.md"
                + " into --out. See docs/export.md.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL.zip", description = "A ComputationGraph saved by ModelSerializer.")
    Path model;

    @Option(names = "--format", split = ",", paramLabel = "netx|nir", defaultValue = "netx,nir",
            description = "Formats to write (comma list, default ${DEFAULT-VALUE}).")
    List<ExportFormat> formats;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--input-bound", paramLabel = "B", defaultValue = "1",
            description = "Largest |x_i| of the inputs; the encoder's scale keeps currents of inputs in [-B, B] in"
                    + " range (default ${DEFAULT-VALUE}; 3 for the Mexican hat on [-3, 3]^2).")
    double inputBound;

    @Option(names = "--reset-zero", description = "Switch every spiking layer to reset-to-zero (Loihi's reset) before"
            + " exporting; combine with --fine-tune so the network adapts.")
    boolean resetZero;

    @Option(names = "--fine-tune", paramLabel = "N", defaultValue = "0",
            description = "Quantization-aware fine-tune: N back-propagation minibatches on the export grid"
                    + " (straight-through) before exporting; needs --train (default ${DEFAULT-VALUE}).")
    int fineTune;

    @Option(names = "--train", paramLabel = "CSV",
            description = "Training rows for --fine-tune: the inputs followed by the target.")
    Path train;

    @Option(names = "--fine-tune-lr", paramLabel = "X", defaultValue = "1e-3",
            description = "Learning rate of the fine-tune (default ${DEFAULT-VALUE}).")
    double fineTuneLr;

    @Option(names = "--fine-tune-batch", paramLabel = "N", defaultValue = "100",
            description = "Minibatch size of the fine-tune (default ${DEFAULT-VALUE}).")
    int fineTuneBatch;

    static final String ADAPTED_MODEL = "model-for-export.zip";

    @Override
    public Integer call() throws IOException {
        if (!(inputBound > 0) || Double.isInfinite(inputBound)) {
            throw new ParameterException(spec.commandLine(), "--input-bound must be finite and > 0, got " + inputBound);
        }
        if (fineTune < 0 || fineTuneBatch < 1 || !(fineTuneLr > 0)) {
            throw new ParameterException(spec.commandLine(), "--fine-tune must be >= 0, --fine-tune-batch >= 1 and"
                    + " --fine-tune-lr > 0");
        }
        if (fineTune > 0 && train == null) {
            throw new ParameterException(spec.commandLine(), "--fine-tune needs --train CSV (inputs and target per row)");
        }
        JhdfLogging.quiet();
        PrintWriter stdout = spec.commandLine().getOut();
        ComputationGraph graph = ModelFiles.loadGraph(model);
        if (resetZero || fineTune > 0) {
            graph = adapt(graph, stdout);
        }
        ModelExporter.Result r = ModelExporter.export(graph, out, EnumSet.copyOf(formats), inputBound);
        stdout.println("exported " + r.combination().kind().name().toLowerCase(Locale.ROOT) + " " + model
                + " to " + out + ":");
        for (ExportedNetwork n : r.networks()) {
            n.files().values().stream().sorted().forEach(f -> stdout.println("  " + f.getFileName()));
        }
        stdout.println("  " + r.manifest().getFileName() + "  (" + r.combination().formula() + ")");
        stdout.println();
        stdout.print(ExportManifest.quantizationTable(r.networks()));
        stdout.flush();
        return ExitCodes.OK;
    }

    /** Reset conversion and the quantization-aware fine-tune; the adapted model is saved next to the files. */
    private ComputationGraph adapt(ComputationGraph loaded, PrintWriter stdout) throws IOException {
        ComputationGraph graph = loaded;
        if (resetZero) {
            int changed = ResetConversion.nonZeroResetLayers(graph);
            graph = ResetConversion.toZero(graph);
            stdout.println("switched " + changed + " spiking layer(s) to reset-to-zero");
        }
        if (fineTune > 0) {
            if (graph.getConfiguration().getNetworkInputs().size() != 1) {
                throw new ParameterException(spec.commandLine(), "--fine-tune supports single-input networks (spiking"
                        + " MLPs); this graph has inputs " + graph.getConfiguration().getNetworkInputs());
            }
            String readout = graph.getConfiguration().getNetworkOutputs().get(0);
            int nIn = SpikingMlpExtractor.extract(graph, readout).inputSize();
            graph.setLearningRate(fineTuneLr);
            var data = TrainingTable.batches(ModelFiles.readInputs(train, nIn), fineTuneBatch, 1);
            var scales = new QuantizationAwareFineTune(graph, readout).run(data, fineTune);
            stdout.println("fine-tuned " + fineTune + " minibatches on the grid, scales " + scales);
        }
        Files.createDirectories(out);
        ModelSerializer.writeModel(graph, out.resolve(ADAPTED_MODEL).toFile(), false);
        stdout.println("saved the adapted model as " + out.resolve(ADAPTED_MODEL));
        return graph;
    }
}
