package org.dl4jsnn.reproduce.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.dl4jsnn.export.ExportFormat;
import org.dl4jsnn.export.ExportManifest;
import org.dl4jsnn.export.ExportedNetwork;
import org.dl4jsnn.export.ModelExporter;
import org.dl4jsnn.export.ModelFiles;
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

    @Override
    public Integer call() {
        if (!(inputBound > 0) || Double.isInfinite(inputBound)) {
            throw new ParameterException(spec.commandLine(), "--input-bound must be finite and > 0, got " + inputBound);
        }
        JhdfLogging.quiet();
        PrintWriter stdout = spec.commandLine().getOut();
        ModelExporter.Result r = ModelExporter.export(ModelFiles.loadGraph(model), out, EnumSet.copyOf(formats),
                inputBound);
        stdout.println("exported " + r.combination().kind().name().toLowerCase() + " " + model + " to " + out + ":");
        for (ExportedNetwork n : r.networks()) {
            n.files().values().stream().sorted().forEach(f -> stdout.println("  " + f.getFileName()));
        }
        stdout.println("  " + r.manifest().getFileName() + "  (" + r.combination().formula() + ")");
        stdout.println();
        stdout.print(ExportManifest.quantizationTable(r.networks()));
        stdout.flush();
        return ExitCodes.OK;
    }
}
