package org.dl4jsnn.reproduce.json;

import static org.dl4jsnn.reproduce.json.JsonSupport.intValue;
import static org.dl4jsnn.reproduce.json.JsonSupport.number;
import static org.dl4jsnn.reproduce.json.JsonSupport.required;
import static org.dl4jsnn.reproduce.json.JsonSupport.text;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.ArrayList;
import java.util.List;
import org.dl4jsnn.reproduce.LearningRateSearch;
import org.dl4jsnn.reproduce.Preset;
import org.dl4jsnn.reproduce.RunSettings;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * settings.json: the task, preset and effective settings an output folder was started with, so that
 * --resume continues with exactly those.
 */
public final class SettingsJson {

    /** What settings.json holds; {@code lrSearch} is null when the learning rate was given. */
    public record Recorded(String task, Preset preset, RunSettings settings, LearningRateSearch lrSearch) {
    }

    private final JsonSupport json = new JsonSupport();

    public byte[] write(Recorded recorded) {
        ObjectNode root = json.object();
        root.put("task", recorded.task());
        root.put("preset", recorded.preset().cliName());
        RunSettings s = recorded.settings();
        root.put("iterations", s.iterations());
        root.put("batch", s.batch());
        root.put("lr", s.lr());
        root.put("eval_every", s.evalEvery());
        ObjectNode extra = root.putObject("extra");
        s.extra().forEach(extra::put);
        if (recorded.lrSearch() != null) {
            ObjectNode search = root.putObject("lr_search");
            ArrayNode candidates = search.putArray("candidates");
            recorded.lrSearch().candidates().forEach(candidates::add);
            search.put("iterations", recorded.lrSearch().iterations());
        }
        return json.bytes(root);
    }

    public Recorded read(byte[] bytes) {
        JsonNode root = json.parse(bytes);
        Map<String, String> extra = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = required(root, "extra").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            extra.put(e.getKey(), e.getValue().asText());
        }
        try {
            LearningRateSearch search = null;
            JsonNode s = root.get("lr_search");
            if (s != null && !s.isNull()) {
                List<Double> candidates = new ArrayList<>();
                for (double lr : JsonSupport.numbers(s, "candidates")) {
                    candidates.add(lr);
                }
                search = new LearningRateSearch(candidates, intValue(s, "iterations"));
            }
            return new Recorded(text(root, "task"), Preset.fromCliName(text(root, "preset")),
                    new RunSettings(intValue(root, "iterations"), intValue(root, "batch"), number(root, "lr"),
                            intValue(root, "eval_every"), extra), search);
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException(e.getMessage());
        }
    }
}
