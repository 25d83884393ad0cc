package org.dl4jsnn.reproduce.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jsnn.export.ExportFormat;
import org.dl4jsnn.export.ModelExporter;
import org.dl4jsnn.reproduce.CheckpointStore;
import org.dl4jsnn.reproduce.store.OutputFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code reproduce --export}: each newly trained network goes to {@code <out>/export/<run>/} as model.zip
 * plus its netx and NIR files and manifest (docs/export.md). Runs reused from an earlier invocation have
 * no model left and are not exported.
 */
public final class RunExport {

    /** Inputs of the benchmark tasks stay within |x| <= 3 (Mexican hat on [-3, 3]^2; GRF samples; [0, 1]). */
    public static final double INPUT_BOUND = 3.0;
    public static final String FOLDER = "export";

    private static final Logger LOG = LoggerFactory.getLogger(RunExport.class);

    private final double inputBound;

    public RunExport(double inputBound) {
        this.inputBound = inputBound;
    }

    /** Where a run's export goes. */
    public static Path folder(OutputFolder out, String runKey) {
        return out.root().resolve(FOLDER).resolve(runKey);
    }

    /** A store that passes everything to {@code delegate} and exports the model of a finished run. */
    CheckpointStore capturing(CheckpointStore delegate, OutputFolder out) {
        return new CheckpointStore() {
            @Override
            public void save(String runKey, byte[] payload) {
                delegate.save(runKey, payload);
            }

            @Override
            public Optional<byte[]> load(String runKey) {
                return delegate.load(runKey);
            }

            @Override
            public void delete(String runKey) {
                delegate.delete(runKey);
            }

            @Override
            public java.time.Duration interval() {
                return delegate.interval();
            }

            @Override
            public void finished(String runKey, ComputationGraph net) {
                export(net, folder(out, runKey));
            }
        };
    }

    void export(ComputationGraph net, Path dir) {
        try {
            Files.createDirectories(dir);
            ModelSerializer.writeModel(net, dir.resolve("model.zip").toFile(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trained model into " + dir, e);
        }
        ModelExporter.Result r = ModelExporter.export(net, dir, EnumSet.allOf(ExportFormat.class), inputBound);
        LOG.info("exported {} net(s) to {}", r.networks().size(), dir);
    }
}
