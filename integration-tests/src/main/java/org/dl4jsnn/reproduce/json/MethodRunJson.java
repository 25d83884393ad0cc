package org.dl4jsnn.reproduce.json;

import static org.dl4jsnn.reproduce.json.JsonSupport.intValue;
import static org.dl4jsnn.reproduce.json.JsonSupport.longValue;
import static org.dl4jsnn.reproduce.json.JsonSupport.matrix;
import static org.dl4jsnn.reproduce.json.JsonSupport.number;
import static org.dl4jsnn.reproduce.json.JsonSupport.numbers;
import static org.dl4jsnn.reproduce.json.JsonSupport.putNumber;
import static org.dl4jsnn.reproduce.json.JsonSupport.required;
import static org.dl4jsnn.reproduce.json.JsonSupport.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dl4jsnn.reproduce.Artifacts;
import org.dl4jsnn.reproduce.CurveSamples;
import org.dl4jsnn.reproduce.GridPrediction;
import org.dl4jsnn.reproduce.MethodRun;
import org.dl4jsnn.reproduce.TrainingPoint;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * The complete record of a finished run ({@code runs/<runKey>.json}): everything the report needs,
 * so that --resume can rebuild the report without training again.
 */
public final class MethodRunJson {

    public static final int SCHEMA_VERSION = 1;

    private final JsonSupport json = new JsonSupport();

    public byte[] write(MethodRun run) {
        ObjectNode root = json.object();
        root.put("schema_version", SCHEMA_VERSION);
        ResultsJson.putSummary(root, run);
        ArrayNode curve = root.putArray("curve");
        for (TrainingPoint p : run.curve()) {
            ObjectNode point = curve.addObject();
            point.put("iteration", p.iteration());
            putNumber(point, "loss", p.loss());
            putNumber(point, "test_error", p.testError());
        }
        root.set("artifacts", artifacts(run.artifacts()));
        return json.bytes(root);
    }

    /** @throws JsonFormatException if the bytes are not a run record */
    public MethodRun read(byte[] bytes) {
        JsonNode root = json.parse(bytes);
        int version = intValue(root, "schema_version");
        if (version != SCHEMA_VERSION) {
            throw new JsonFormatException("unsupported schema_version " + version);
        }
        List<TrainingPoint> curve = new ArrayList<>();
        for (JsonNode p : required(root, "curve")) {
            curve.add(new TrainingPoint(intValue(p, "iteration"), number(p, "loss"), number(p, "test_error")));
        }
        try {
            return new MethodRun(text(root, "method"), longValue(root, "seed"), intValue(root, "iterations"),
                    intValue(root, "batch"), number(root, "lr"), number(root, "rel_l2"), number(root, "wall_s"),
                    number(root, "ms_per_iter"), number(root, "spike_rate"), curve,
                    readArtifacts(required(root, "artifacts")), ResultsJson.readDivergence(root),
                    ResultsJson.optionalNumber(root, "rel_l2_global"), ResultsJson.readTrainingSet(root));
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("invalid run: " + e.getMessage());
        }
    }

    private JsonNode artifacts(Artifacts artifacts) {
        if (artifacts == null) {
            return json.object().nullNode();
        }
        ObjectNode node = json.object();
        if (artifacts instanceof GridPrediction g) {
            node.put("type", "grid");
            node.put("x_label", g.xLabel());
            node.put("y_label", g.yLabel());
            node.set("xs", json.numbers(g.xs()));
            node.set("ys", json.numbers(g.ys()));
            node.set("truth", json.matrix(g.truth()));
            node.set("prediction", json.matrix(g.prediction()));
        } else if (artifacts instanceof CurveSamples c) {
            node.put("type", "curves");
            node.put("x_label", c.xLabel());
            node.set("x", json.numbers(c.x()));
            node.set("truth", json.matrix(c.truth().toArray(double[][]::new)));
            node.set("prediction", json.matrix(c.prediction().toArray(double[][]::new)));
        } else {
            throw new IllegalStateException("unhandled artifacts type " + artifacts.getClass());
        }
        return node;
    }

    private static Artifacts readArtifacts(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        String type = text(node, "type");
        return switch (type) {
            case "grid" -> new GridPrediction(text(node, "x_label"), text(node, "y_label"), numbers(node, "xs"),
                    numbers(node, "ys"), matrix(node, "truth"), matrix(node, "prediction"));
            case "curves" -> new CurveSamples(text(node, "x_label"), numbers(node, "x"),
                    Arrays.asList(matrix(node, "truth")), Arrays.asList(matrix(node, "prediction")));
            default -> throw new JsonFormatException("unknown artifacts type '" + type + "'");
        };
    }
}
