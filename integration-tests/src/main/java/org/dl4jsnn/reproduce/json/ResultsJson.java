package org.dl4jsnn.reproduce.json;

import static org.dl4jsnn.reproduce.json.JsonSupport.intValue;
import static org.dl4jsnn.reproduce.json.JsonSupport.longValue;
import static org.dl4jsnn.reproduce.json.JsonSupport.number;
import static org.dl4jsnn.reproduce.json.JsonSupport.putNumber;
import static org.dl4jsnn.reproduce.json.JsonSupport.required;
import static org.dl4jsnn.reproduce.json.JsonSupport.text;

import java.util.ArrayList;
import java.util.List;
import org.dl4jsnn.reproduce.Divergence;
import org.dl4jsnn.reproduce.LrSelectionSummary;
import org.dl4jsnn.reproduce.LrTrial;
import org.dl4jsnn.reproduce.MethodRun;
import org.dl4jsnn.reproduce.Preset;
import org.dl4jsnn.reproduce.TrainingSetError;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/** results.json: the summary of a completed reproduction (schema in docs/results-schema.md). */
public final class ResultsJson {

    public static final int SCHEMA_VERSION = 1;

    private final JsonSupport json = new JsonSupport();

    /**
     * One entry of "runs". Non-finite numbers are NaN here and null in the file.
     *
     * @param divergence where training stopped as diverged, null (absent in the file) when it did not
     * @param trainingSet the errors on the training rows, null when not measured (or not finite)
     */
    public record Row(String method, long seed, int iterations, int batch, double lr, double relL2,
                      double wallSeconds, double msPerIter, double spikeRate, Divergence divergence,
                      double relL2Global, TrainingSetError trainingSet) {

        public static Row of(MethodRun run) {
            return new Row(run.method(), run.seed(), run.iterations(), run.batch(), run.lr(), run.relL2(),
                    run.wallSeconds(), run.msPerIter(), run.spikeRate(), run.divergence(), run.globalRelL2(),
                    run.trainingSet());
        }
    }

    /** The parsed file; {@code lrTrials} is empty when the learning rates were given, not chosen. */
    public record Results(String task, Preset preset, List<Row> runs, List<LrTrial> lrTrials) {

        public Results {
            runs = List.copyOf(runs);
            lrTrials = List.copyOf(lrTrials);
        }
    }

    /** @param selection how the learning rates were chosen, or null when they were given */
    public byte[] write(String task, Preset preset, List<MethodRun> runs, LrSelectionSummary selection) {
        ObjectNode root = json.object();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("task", task);
        root.put("preset", preset.cliName());
        ArrayNode array = root.putArray("runs");
        for (MethodRun run : runs) {
            putSummary(array.addObject(), run);
        }
        if (selection != null) {
            ObjectNode sel = root.putObject("lr_selection");
            ArrayNode candidates = sel.putArray("candidates");
            selection.search().candidates().forEach(candidates::add);
            sel.put("iterations", selection.search().iterations());
            sel.put("validation_fold", selection.validationFold());
            ArrayNode trials = sel.putArray("trials");
            for (LrTrial t : selection.trials()) {
                ObjectNode node = trials.addObject();
                node.put("method", t.method());
                node.put("seed", t.seed());
                putNumber(node, "lr", t.lr());
                putNumber(node, "val_rel_l2", t.validationError());
            }
        }
        return json.bytes(root);
    }

    /** @throws JsonFormatException if a field is missing or has the wrong type */
    public Results read(byte[] bytes) {
        JsonNode root = json.parse(bytes);
        int version = intValue(root, "schema_version");
        if (version != SCHEMA_VERSION) {
            throw new JsonFormatException("unsupported schema_version " + version);
        }
        Preset preset;
        try {
            preset = Preset.fromCliName(text(root, "preset"));
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException(e.getMessage());
        }
        JsonNode runs = required(root, "runs");
        if (!runs.isArray()) {
            throw new JsonFormatException("field 'runs' must be an array");
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : runs) {
            rows.add(new Row(text(r, "method"), longValue(r, "seed"), intValue(r, "iterations"),
                    intValue(r, "batch"), number(r, "lr"), number(r, "rel_l2"), number(r, "wall_s"),
                    number(r, "ms_per_iter"), number(r, "spike_rate"), readDivergence(r),
                    optionalNumber(r, "rel_l2_global"), readTrainingSet(r)));
        }
        List<LrTrial> trials = new ArrayList<>();
        JsonNode selection = root.get("lr_selection");
        if (selection != null && !selection.isNull()) {
            for (JsonNode t : required(selection, "trials")) {
                try {
                    trials.add(new LrTrial(text(t, "method"), longValue(t, "seed"), number(t, "lr"),
                            number(t, "val_rel_l2")));
                } catch (IllegalArgumentException e) {
                    throw new JsonFormatException("lr_selection.trials: " + e.getMessage());
                }
            }
        }
        return new Results(text(root, "task"), preset, rows, trials);
    }

    /** A number field added after schema version 1's first files: NaN when absent (or null). */
    static double optionalNumber(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Double.NaN : number(node, field);
    }

    /** The training-set errors of a run, or null when the file has none (records before the fields existed). */
    static TrainingSetError readTrainingSet(JsonNode run) {
        double relL2 = optionalNumber(run, "train_rel_l2");
        double global = optionalNumber(run, "train_rel_l2_global");
        if (Double.isNaN(relL2) && Double.isNaN(global)) {
            return null;
        }
        try {
            return new TrainingSetError(relL2, global);
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("train_rel_l2: " + e.getMessage());
        }
    }

    /** The per-run fields, shared with the full run record so the two never drift apart. */
    static void putSummary(ObjectNode node, MethodRun run) {
        node.put("method", run.method());
        node.put("seed", run.seed());
        node.put("iterations", run.iterations());
        node.put("batch", run.batch());
        putNumber(node, "lr", run.lr());
        putNumber(node, "rel_l2", run.relL2());
        putNumber(node, "rel_l2_global", run.globalRelL2());
        putNumber(node, "train_rel_l2", run.trainingSet() == null ? Double.NaN : run.trainingSet().relL2());
        putNumber(node, "train_rel_l2_global",
                run.trainingSet() == null ? Double.NaN : run.trainingSet().globalRelL2());
        putNumber(node, "wall_s", run.wallSeconds());
        putNumber(node, "ms_per_iter", run.msPerIter());
        putNumber(node, "spike_rate", run.spikeRate());
        if (run.divergence() != null) {
            ObjectNode d = node.putObject("diverged");
            d.put("iteration", run.divergence().iteration());
            d.put("reason", run.divergence().reason());
        }
    }

    /** The "diverged" object of a run, or null when the run has none. */
    static Divergence readDivergence(JsonNode run) {
        JsonNode d = run.get("diverged");
        if (d == null || d.isNull()) {
            return null;
        }
        try {
            return new Divergence(intValue(d, "iteration"), text(d, "reason"));
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("diverged: " + e.getMessage());
        }
    }
}
