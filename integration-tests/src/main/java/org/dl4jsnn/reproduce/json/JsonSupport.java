package org.dl4jsnn.reproduce.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * JSON tree helpers shared by the codecs. JSON has no NaN or infinity: non-finite numbers are
 * written as null and null is read back as NaN.
 */
public final class JsonSupport {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    public ArrayNode array() {
        return mapper.createArrayNode();
    }

    public byte[] bytes(JsonNode node) {
        try {
            byte[] body = mapper.writeValueAsBytes(node);
            byte[] withNewline = Arrays.copyOf(body, body.length + 1);
            withNewline[body.length] = '\n';
            return withNewline;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws JsonFormatException if the bytes are not JSON */
    public JsonNode parse(byte[] bytes) {
        try {
            JsonNode node = mapper.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new JsonFormatException("empty document");
            }
            return node;
        } catch (IOException e) {
            throw new JsonFormatException("not valid JSON: " + e.getMessage());
        }
    }

    public static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    public static void addNumber(ArrayNode array, double value) {
        if (Double.isFinite(value)) {
            array.add(value);
        } else {
            array.addNull();
        }
    }

    public ArrayNode numbers(double[] values) {
        ArrayNode a = array();
        for (double v : values) {
            addNumber(a, v);
        }
        return a;
    }

    public ArrayNode matrix(double[][] rows) {
        ArrayNode a = array();
        for (double[] row : rows) {
            a.add(numbers(row));
        }
        return a;
    }

    /** A required field; its absence is a format error naming the field. */
    public static JsonNode required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            throw new JsonFormatException("missing field '" + field + "'");
        }
        return v;
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = required(node, field);
        if (!v.isTextual()) {
            throw new JsonFormatException("field '" + field + "' must be a string");
        }
        return v.asText();
    }

    public static long longValue(JsonNode node, String field) {
        JsonNode v = required(node, field);
        if (!v.isIntegralNumber()) {
            throw new JsonFormatException("field '" + field + "' must be an integer");
        }
        return v.asLong();
    }

    public static int intValue(JsonNode node, String field) {
        long v = longValue(node, field);
        if (v != (int) v) {
            throw new JsonFormatException("field '" + field + "' is out of int range");
        }
        return (int) v;
    }

    /** A number, or null meaning NaN. */
    public static double number(JsonNode node, String field) {
        return asNumber(required(node, field), field);
    }

    static double asNumber(JsonNode v, String what) {
        if (v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new JsonFormatException("'" + what + "' must be a number or null");
        }
        return v.asDouble();
    }

    public static double[] numbers(JsonNode node, String field) {
        JsonNode v = required(node, field);
        if (!v.isArray()) {
            throw new JsonFormatException("field '" + field + "' must be an array");
        }
        return toDoubles(v, field);
    }

    public static double[][] matrix(JsonNode node, String field) {
        JsonNode v = required(node, field);
        if (!v.isArray()) {
            throw new JsonFormatException("field '" + field + "' must be an array of arrays");
        }
        double[][] out = new double[v.size()][];
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isArray()) {
                throw new JsonFormatException("field '" + field + "' must be an array of arrays");
            }
            out[i] = toDoubles(v.get(i), field);
        }
        return out;
    }

    private static double[] toDoubles(JsonNode array, String field) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = asNumber(array.get(i), field + "[" + i + "]");
        }
        return out;
    }
}
