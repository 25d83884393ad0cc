package org.dl4jsnn.arbiter.run;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.saving.ResultReference;
import org.deeplearning4j.arbiter.optimize.api.saving.ResultSaver;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jsnn.arbiter.candidate.SearchCandidate;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * A search's output folder and Arbiter's ResultSaver: every finished candidate leaves
 * {@code candidates/candidate-NNNN.json} (its record) and, when it completed, {@code candidate-NNNN.zip}
 * (the trained model, ModelSerializer's format, updater state included). The records are the ledger a
 * resumed search reads to skip finished candidates. At the end, {@link #writeBest} copies the winner to
 * {@code best-model.zip} and {@code best-config.json}.
 *
 * <p>A model trained by RFG is saved as the plain network; {@code RfgMultiLayerNetwork.restore(file,
 * settings)} (or {@code RfgComputationGraph.restore}) wraps it again to continue by RFG.
 */
public final class SearchFolder implements ResultSaver {

    public static final String BEST_MODEL = "best-model.zip";
    public static final String BEST_CONFIG = "best-config.json";
    private static final String CANDIDATES = "candidates";

    private final Path root;

    public SearchFolder(Path root) {
        this.root = root.toAbsolutePath();
        try {
            Files.createDirectories(this.root.resolve(CANDIDATES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the search folder " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    public Path recordFile(int index) {
        return root.resolve(CANDIDATES).resolve(String.format("candidate-%04d.json", index));
    }

    public Path modelFile(int index) {
        return root.resolve(CANDIDATES).resolve(String.format("candidate-%04d.zip", index));
    }

    /** The record of candidate {@code index}, if an earlier run finished it. */
    public Optional<CandidateRecord> finished(int index) {
        Path f = recordFile(index);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(CandidateRecordJson.read(Files.readString(f)));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("damaged candidate record " + f + " (" + e.getMessage()
                    + "); delete it to train that candidate again", e);
        }
    }

    /** Every finished candidate's record, by index. */
    public List<CandidateRecord> records() {
        List<CandidateRecord> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve(CANDIDATES))) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("candidate-\\d+\\.json")).toList()) {
                int index = Integer.parseInt(f.getFileName().toString().replaceAll("\\D", ""));
                finished(index).ifPresent(out::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparingInt(CandidateRecord::index));
        return out;
    }

    /** The completed candidate with the lowest validation error. */
    public static Optional<CandidateRecord> best(List<CandidateRecord> records) {
        return records.stream().filter(CandidateRecord::completed)
                .min(Comparator.comparingDouble(CandidateRecord::score));
    }

    @Override
    public ResultReference saveModel(OptimizationResult result, Object model) throws IOException {
        if (!(model instanceof Model m) || !(result.getCandidate().getValue() instanceof SearchCandidate c)) {
            throw new IllegalArgumentException("SearchFolder saves DL4J models of SearchCandidates, got "
                    + (model == null ? "null" : model.getClass().getName()));
        }
        int index = result.getIndex();
        Path zip = modelFile(index);
        Path tmp = zip.resolveSibling(zip.getFileName() + ".tmp");
        ModelSerializer.writeModel(m, tmp.toFile(), true);
        Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        CandidateInfo info = result.getCandidateInfo();
        CandidateRecord record = new CandidateRecord(index, result.getCandidate().getFlatParameters(),
                result.getScore(), seconds(info), c.settings(), null, modelType(m), compactJson(configurationJson(m)));
        write(record);
        return new SavedCandidate(this, index);
    }

    /** Records a candidate that could not be built, trained or scored, so a resumed search does not retry it. */
    public CandidateRecord recordFailure(Candidate<?> candidate, CandidateInfo info, Throwable cause) {
        Object value = candidate.getValue();
        Map<String, Object> settings = value instanceof SearchCandidate c ? c.settings()
                : Map.of("method", "-");
        String why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        CandidateRecord record = new CandidateRecord(candidate.getIndex(), candidate.getFlatParameters(), null,
                seconds(info), settings, why, null, null);
        write(record);
        return record;
    }

    /** Copies the best completed candidate to best-model.zip and its record to best-config.json. */
    public Optional<CandidateRecord> writeBest(List<CandidateRecord> records) {
        Optional<CandidateRecord> best = best(records);
        if (best.isPresent()) {
            try {
                Files.copy(modelFile(best.get().index()), root.resolve(BEST_MODEL), StandardCopyOption.REPLACE_EXISTING);
                writeAtomically(root.resolve(BEST_CONFIG), CandidateRecordJson.write(best.get()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return best;
    }

    /** Restores a saved candidate's trained model (a plain MultiLayerNetwork or ComputationGraph). */
    public Model restoreModel(int index) throws IOException {
        CandidateRecord r = finished(index).orElseThrow(() -> new IOException("candidate " + index + " has no record in "
                + root));
        if (!r.completed()) {
            throw new IOException("candidate " + index + " failed (" + r.error() + "); it has no model");
        }
        File f = modelFile(index).toFile();
        return "ComputationGraph".equals(r.modelType()) ? ModelSerializer.restoreComputationGraph(f, true)
                : ModelSerializer.restoreMultiLayerNetwork(f, true);
    }

    /** The optimisation result Arbiter gets for a candidate an earlier run finished. */
    OptimizationResult resultOf(Candidate<?> candidate, CandidateRecord r, long now) {
        CandidateInfo info = new CandidateInfo(r.index(), r.completed() ? CandidateStatus.Complete : CandidateStatus.Failed,
                r.score(), now, now, now, candidate.getFlatParameters(), r.error());
        return new OptimizationResult(candidate, r.score(), r.index(), null, info,
                r.completed() ? new SavedCandidate(this, r.index()) : null);
    }

    private void write(CandidateRecord record) {
        writeAtomically(recordFile(record.index()), CandidateRecordJson.write(record));
    }

    private static void writeAtomically(Path file, String text) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static double seconds(CandidateInfo info) {
        if (info == null || info.getStartTime() == null || info.getEndTime() == null) {
            return 0;
        }
        return (info.getEndTime() - info.getStartTime()) / 1000.0;
    }

    private static String modelType(Model m) {
        return m instanceof ComputationGraph ? "ComputationGraph" : "MultiLayerNetwork";
    }

    private static String configurationJson(Model m) {
        if (m instanceof MultiLayerNetwork net) {
            return net.getLayerWiseConfigurations().toJson();
        }
        if (m instanceof ComputationGraph graph) {
            return graph.getConfiguration().toJson();
        }
        throw new IllegalArgumentException("unsupported model type " + m.getClass().getName());
    }

    private static String compactJson(String json) {
        try {
            return new ObjectMapper().readTree(json).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Class<?>> getSupportedCandidateTypes() {
        return List.of(SearchCandidate.class);
    }

    @Override
    public List<Class<?>> getSupportedModelTypes() {
        return List.of(MultiLayerNetwork.class, ComputationGraph.class);
    }

    /** Arbiter's handle on a saved candidate. */
    private record SavedCandidate(SearchFolder folder, int index) implements ResultReference {

        @Override
        public OptimizationResult getResult() throws IOException {
            CandidateRecord r = folder.finished(index).orElseThrow(() -> new IOException("no record of candidate " + index));
            CandidateInfo info = new CandidateInfo(index, CandidateStatus.Complete, r.score(), 0L, 0L, 0L,
                    r.flatParameters(), null);
            return new OptimizationResult(null, r.score(), index, null, info, this);
        }

        @Override
        public Object getResultModel() throws IOException {
            return folder.restoreModel(index);
        }
    }

    static String stackTrace(Throwable t) {
        return ExceptionUtils.getStackTrace(t);
    }
}
