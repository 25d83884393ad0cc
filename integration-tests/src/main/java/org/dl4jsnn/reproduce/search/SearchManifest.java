package org.dl4jsnn.reproduce.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jsnn.arbiter.run.SearchSettings;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * {@code search.json}: what defines a search's candidates (task, space, strategy, seed, iterations, data).
 * A resumed search must match it, or its recorded candidates would not be the ones the generator draws
 * again; the budget (candidates, minutes) may change between runs.
 */
public final class SearchManifest {

    public static final String FILE = "search.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode identity;

    public SearchManifest(String task, String spaceJson, SearchSettings settings, int batch, Integer trainSize) {
        identity = MAPPER.createObjectNode();
        identity.put("task", task);
        try {
            identity.set("space", MAPPER.readTree(spaceJson));
        } catch (IOException e) {
            throw new IllegalArgumentException("space is not JSON", e);
        }
        identity.put("strategy", settings.strategy().name());
        identity.put("gridPoints", settings.gridPoints());
        identity.put("seed", settings.seed());
        identity.put("iterations", settings.iterations());
        identity.put("batch", batch);
        if (trainSize != null) {
            identity.put("trainSize", trainSize);
        }
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    /** Null when it matches the one in {@code dir}, else a sentence naming the first setting that differs. */
    public String mismatch(Path dir) {
        JsonNode saved;
        try {
            saved = MAPPER.readTree(Files.readString(dir.resolve(FILE)));
        } catch (IOException e) {
            return "its " + FILE + " cannot be read (" + e.getMessage() + ")";
        }
        var names = identity.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            // compared as text: a seed read back is an int node, the one built here a long node
            if (!identity.get(k).toString().equals(String.valueOf(saved.path("identity").get(k)))) {
                return "it was started with a different " + k + " (" + saved.path("identity").get(k) + ", now "
                        + identity.get(k) + ")";
            }
        }
        return null;
    }

    public void write(Path dir, SearchSettings settings, String commandLine) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("identity", identity);
        root.put("candidates", settings.candidates());
        root.put("maxMinutes", settings.maxMinutes());
        root.put("commandLine", commandLine);
        try {
            Files.writeString(dir.resolve(FILE), MAPPER.writeValueAsString(root), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
