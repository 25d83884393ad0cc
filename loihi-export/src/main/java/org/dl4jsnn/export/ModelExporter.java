package org.dl4jsnn.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Exports a trained graph into a folder: each spiking net (one for an MLP; branch and trunk(s) for an
 * operator network) as {@code <part>.net} and/or {@code <part>.nir}, plus {@code manifest.json} (how the
 * host combines the nets, the input encoding, the per-layer quantization) and {@code quantization.md}.
 */
public final class ModelExporter {

    public static final String MANIFEST = "manifest.json";
    public static final String QUANTIZATION = "quantization.md";

    private ModelExporter() {
    }

    /** What was exported. */
    public record Result(OperatorCombination combination, List<ExportedNetwork> networks, Path manifest) {
    }

    /**
     * @param inputBound the largest |x_i| the encoder must represent without clipping (the input domain,
     *                   e.g. 3 for the Mexican hat on [-3, 3]^2)
     */
    public static Result export(ComputationGraph graph, Path dir, Set<ExportFormat> formats, double inputBound) {
        if (!(inputBound > 0) || Double.isInfinite(inputBound)) {
            throw new IllegalArgumentException("inputBound must be finite and > 0, got " + inputBound);
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("formats: choose at least one of " + List.of(ExportFormat.values()));
        }
        OperatorCombination combination = OperatorCombination.of(graph);
        List<ExportedNetwork> nets = new ArrayList<>();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create export folder " + dir, e);
        }
        for (String part : combination.parts()) {
            SpikingMlp mlp = SpikingMlpExtractor.extract(graph, part);
            Quantizer.Result q = Quantizer.quantize(mlp, inputBound);
            Map<ExportFormat, Path> files = new EnumMap<>(ExportFormat.class);
            for (ExportFormat f : formats) {
                Path file = dir.resolve(part + f.extension());
                if (f == ExportFormat.NETX) {
                    NetxWriter.write(q.network(), file);
                } else {
                    NirFile.write(NirExporter.graph(mlp), file);
                }
                files.put(f, file);
            }
            nets.add(new ExportedNetwork(part, SpikingMlpExtractor.inputOf(graph, part), mlp, q.network(),
                    q.report(), files));
        }
        Path manifest = dir.resolve(MANIFEST);
        write(manifest, ExportManifest.json(combination, nets, inputBound));
        write(dir.resolve(QUANTIZATION), ExportManifest.quantizationTable(nets));
        return new Result(combination, nets, manifest);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
