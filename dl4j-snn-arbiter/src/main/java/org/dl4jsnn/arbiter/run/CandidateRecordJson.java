package org.dl4jsnn.arbiter.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/** A candidate record as JSON; the DL4J configuration is embedded as a JSON object, not a string. */
public final class CandidateRecordJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CandidateRecordJson() {
    }

    public static String write(CandidateRecord r) {
        try {
            return MAPPER.writeValueAsString(toNode(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode toNode(CandidateRecord r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("index", r.index());
        o.put("status", r.completed() ? "completed" : "failed");
        if (r.completed()) {
            o.put("validationRelativeL2", r.score());
        } else {
            o.put("error", r.error());
        }
        o.put("seconds", r.seconds());
        ObjectNode settings = o.putObject("settings");
        r.settings().forEach((k, v) -> settings.set(k, MAPPER.valueToTree(v)));
        ArrayNode flat = o.putArray("flatParameters");
        for (double d : r.flatParameters()) {
            flat.add(d);
        }
        if (r.modelType() != null) {
            o.put("modelType", r.modelType());
        }
        if (r.network() != null) {
            try {
                o.set("network", MAPPER.readTree(r.network()));
            } catch (IOException e) {
                throw new IllegalArgumentException("candidate " + r.index() + ": network is not JSON", e);
            }
        }
        return o;
    }

    public static CandidateRecord read(String json) {
        JsonNode o;
        try {
            o = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a candidate record: " + e.getMessage(), e);
        }
        if (o == null || !o.has("index") || !o.has("flatParameters") || !o.has("settings")) {
            throw new IllegalArgumentException("not a candidate record: index, flatParameters or settings missing");
        }
        double[] flat = new double[o.get("flatParameters").size()];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = o.get("flatParameters").get(i).asDouble();
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = o.get("settings").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            settings.put(e.getKey(), v.isInt() ? (Object) v.asInt() : v.isNumber() ? (Object) v.asDouble()
                    : v.isBoolean() ? (Object) v.asBoolean() : v.asText());
        }
        Double score = o.has("validationRelativeL2") ? o.get("validationRelativeL2").asDouble() : null;
        String error = o.has("error") ? o.get("error").asText() : null;
        String network = o.has("network") ? o.get("network").toString() : null;
        String modelType = o.has("modelType") ? o.get("modelType").asText() : null;
        return new CandidateRecord(o.get("index").asInt(), flat, score, o.path("seconds").asDouble(), settings,
                error, modelType, network);
    }
}
