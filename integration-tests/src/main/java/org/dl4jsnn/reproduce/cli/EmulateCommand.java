package org.dl4jsnn.reproduce.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.emulator.EnergyTable;
import org.dl4jsnn.emulator.LoihiEmulator;
import org.dl4jsnn.export.FloatSpikingMlp;
import org.dl4jsnn.export.LoihiNetwork;
import org.dl4jsnn.export.ModelFiles;
import org.dl4jsnn.export.NetxReader;
import org.dl4jsnn.export.SpikingMlpExtractor;
import org.dl4jsnn.operator.OperatorMetrics;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dl4j-snn emulate MODEL.net --input X.csv}: runs a netx file in the bit-accurate Loihi emulator. */
@Command(name = "emulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run an exported .net file in the bit-accurate emulator of Lava's fixed-point CUBA neurons;"
                + " write predictions.csv and energy.md into --out and print the energy table and errors.")
final class EmulateCommand implements Callable<Integer> {

    static final String PREDICTIONS = "predictions.csv";
    static final String ENERGY = "energy.md";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL.net", description = "A netx file written by 'dl4j-snn export'.")
    Path netFile;

    @Option(names = "--input", paramLabel = "CSV", required = true,
            description = "Input rows, comma-separated; a row with one more column than the net has inputs carries"
                    + " its target, and errors against the targets are reported.")
    Path input;

    @Option(names = "--model", paramLabel = "MODEL.zip",
            description = "The trained DL4J model the file was exported from: its float outputs are compared.")
    Path model;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "emulation",
            description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException {
        JhdfLogging.quiet();
        PrintWriter stdout = spec.commandLine().getOut();
        LoihiNetwork net = NetxReader.read(netFile);
        ModelFiles.InputTable table = ModelFiles.readInputs(input, net.inputSize());
        double[][] x = table.inputs();
        double[][] floatOut = model == null ? null : floatOutputs(ModelFiles.loadGraph(model), net, x);

        LoihiEmulator emulator = new LoihiEmulator(net);
        EnergyTable energy = new EnergyTable(net);
        double[][] emulated = new double[x.length][];
        for (int s = 0; s < x.length; s++) {
            var e = emulator.run(x[s]);
            energy.add(e);
            emulated[s] = e.output();
        }
        Files.createDirectories(out);
        writePredictions(out.resolve(PREDICTIONS), emulated, floatOut, table.targets());
        String report = energy.toMarkdown() + errors(emulated, floatOut, table.targets());
        Files.writeString(out.resolve(ENERGY), "# Emulation of " + netFile.getFileName() + "\n\n" + report);
        stdout.println("emulated " + x.length + " inputs of " + netFile + "; wrote " + out.resolve(PREDICTIONS)
                + " and " + out.resolve(ENERGY));
        stdout.println();
        stdout.print(report);
        stdout.flush();
        return ExitCodes.OK;
    }

    /** DL4J's own output when the net's readout is the graph's only output, else the same layers in float. */
    private static double[][] floatOutputs(ComputationGraph graph, LoihiNetwork net, double[][] x) {
        String readout = net.readout().name();
        var conf = graph.getConfiguration();
        if (conf.getNetworkOutputs().equals(List.of(readout)) && conf.getNetworkInputs().size() == 1) {
            float[][] xf = new float[x.length][];
            for (int s = 0; s < x.length; s++) {
                xf[s] = new float[x[s].length];
                for (int i = 0; i < x[s].length; i++) {
                    xf[s][i] = (float) x[s][i];
                }
            }
            return graph.outputSingle(Nd4j.createFromArray(xf)).castTo(DataType.DOUBLE).toDoubleMatrix();
        }
        FloatSpikingMlp mlp = new FloatSpikingMlp(SpikingMlpExtractor.extract(graph, readout));
        double[][] y = new double[x.length][];
        for (int s = 0; s < x.length; s++) {
            y[s] = mlp.run(x[s]);
        }
        return y;
    }

    private static String errors(double[][] emulated, double[][] floatOut, double[] targets) {
        StringBuilder sb = new StringBuilder("\n");
        if (targets != null) {
            sb.append(String.format(Locale.ROOT, "Relative L2 error against the targets: emulated %.4f", relL2(emulated,
                    targets)));
            if (floatOut != null) {
                sb.append(String.format(Locale.ROOT, ", float model %.4f", relL2(floatOut, targets)));
            }
            sb.append('\n');
        }
        if (floatOut != null) {
            double max = 0;
            double[] flat = new double[floatOut.length * floatOut[0].length];
            double[] em = new double[flat.length];
            for (int s = 0; s < floatOut.length; s++) {
                for (int j = 0; j < floatOut[s].length; j++) {
                    max = Math.max(max, Math.abs(emulated[s][j] - floatOut[s][j]));
                    flat[s * floatOut[s].length + j] = floatOut[s][j];
                    em[s * floatOut[s].length + j] = emulated[s][j];
                }
            }
            sb.append(String.format(Locale.ROOT, "Emulated against the float model: max |difference| %.4g, relative L2"
                    + " %.4f%n", max, OperatorMetrics.relativeL2(em, flat)));
        }
        return sb.toString();
    }

    private static double relL2(double[][] y, double[] targets) {
        double[] first = new double[y.length];
        for (int s = 0; s < y.length; s++) {
            first[s] = y[s][0];
        }
        return OperatorMetrics.relativeL2(first, targets);
    }

    private static void writePredictions(Path file, double[][] emulated, double[][] floatOut, double[] targets) {
        StringBuilder sb = new StringBuilder();
        int n = emulated[0].length;
        for (int j = 0; j < n; j++) {
            sb.append(j > 0 ? "," : "").append("emulated").append(j);
        }
        if (floatOut != null) {
            for (int j = 0; j < n; j++) {
                sb.append(",model").append(j);
            }
        }
        if (targets != null) {
            sb.append(",target");
        }
        sb.append('\n');
        for (int s = 0; s < emulated.length; s++) {
            for (int j = 0; j < n; j++) {
                sb.append(j > 0 ? "," : "").append(emulated[s][j]);
            }
            if (floatOut != null) {
                for (int j = 0; j < n; j++) {
                    sb.append(',').append(floatOut[s][j]);
                }
            }
            if (targets != null) {
                sb.append(',').append(targets[s]);
            }
            sb.append('\n');
        }
        try {
            Files.writeString(file, sb);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
