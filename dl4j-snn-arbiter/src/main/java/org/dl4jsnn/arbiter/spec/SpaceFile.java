package org.dl4jsnn.arbiter.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.dl4jsnn.arbiter.method.GradientMethod;
import org.dl4jsnn.arbiter.method.LearningRateSchedule;
import org.dl4jsnn.arbiter.space.DeepOnetSpace;
import org.dl4jsnn.arbiter.space.SepOnetSpace;
import org.dl4jsnn.arbiter.space.SpikingDenseLayerSpace;
import org.dl4jsnn.arbiter.space.SpikingMlpSpace;
import org.dl4jsnn.arbiter.space.SurrogateKind;
import org.dl4jsnn.arbiter.space.TrainingMethodSpace;
import org.dl4jsnn.estimator.DirectionDistribution;
import org.dl4jsnn.neuron.ResetMode;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * A search space written as JSON, one key per setting. A value is fixed ({@code "beta": 1.0}), a list
 * of choices ({@code "timeSteps": [8, 16, 32]}) or a range ({@code "learningRate": {"min": 0.001,
 * "max": 0.03, "scale": "log"}}; integer settings take integer ranges, both ends included). Settings
 * left out keep the task's default. Every value is checked here, naming the key and its allowed range.
 * The presets in {@link #PRESETS} are space files shipped in the jar.
 */
public final class SpaceFile {

    /** Built-in spaces, by name. */
    public static final List<String> PRESETS = List.of("mexican-hat", "spiking-layer", "deeponet", "seponet");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private record Key(String name, Kind kind, double min, double max, String range) {
    }

    private enum Kind { INT, DOUBLE, BOOL, METHOD, DISTRIBUTION, SCHEDULE, SURROGATE, RESET }

    private static final Map<String, Key> KEYS = keys(
            new Key("method", Kind.METHOD, 0, 0, "BP, RFG-G or RFG-L"),
            new Key("directions", Kind.INT, 1, 1024, "an integer K in [1, 1024]"),
            new Key("distribution", Kind.DISTRIBUTION, 0, 0, "RADEMACHER or GAUSSIAN"),
            new Key("learningRate", Kind.DOUBLE, Double.MIN_VALUE, 1, "a number in (0, 1]"),
            new Key("schedule", Kind.SCHEDULE, 0, 0, "CONSTANT or STEP_DECAY"),
            new Key("timeSteps", Kind.INT, 1, 4096, "an integer T in [1, 4096]"),
            new Key("threshold", Kind.DOUBLE, Double.MIN_VALUE, 1e6, "a number > 0"),
            new Key("beta", Kind.DOUBLE, Double.MIN_VALUE, 1, "a number in (0, 1]"),
            new Key("surrogate", Kind.SURROGATE, 0, 0, "SG or WSG"),
            new Key("surrogateWidth", Kind.DOUBLE, Double.MIN_VALUE, 1e6, "a number s > 0"),
            new Key("wsgSamples", Kind.INT, 1, 1 << 16, "an integer N in [1, 65536]"),
            new Key("resetMode", Kind.RESET, 0, 0, "SUBTRACT or ZERO"),
            new Key("resetDifferentiated", Kind.BOOL, 0, 0, "true or false"),
            new Key("hiddenWidth", Kind.INT, 1, 4096, "an integer in [1, 4096]"),
            new Key("hiddenLayers", Kind.INT, 1, 16, "a fixed integer in [1, 16] (spiking MLP only)"),
            new Key("latent", Kind.INT, 1, 4096, "an integer p (DeepONet) or r (SepONet) in [1, 4096]"));

    private final Map<String, ValueSpec> values;
    private final String json;

    private SpaceFile(Map<String, ValueSpec> values, String json) {
        this.values = Collections.unmodifiableMap(values);
        this.json = json;
    }

    private static Map<String, Key> keys(Key... keys) {
        Map<String, Key> m = new LinkedHashMap<>();
        for (Key k : keys) {
            m.put(k.name(), k);
        }
        return m;
    }

    /** Reads a space file, or a preset when {@code fileOrPreset} names one. */
    public static SpaceFile load(String fileOrPreset) throws IOException {
        if (PRESETS.contains(fileOrPreset)) {
            return preset(fileOrPreset);
        }
        Path p = Path.of(fileOrPreset);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("space must be a JSON file or a preset (" + String.join(", ", PRESETS)
                    + "); no file " + p.toAbsolutePath());
        }
        return parse(Files.readString(p));
    }

    public static SpaceFile preset(String name) throws IOException {
        if (!PRESETS.contains(name)) {
            throw new IllegalArgumentException("preset must be one of " + String.join(", ", PRESETS) + ", got " + name);
        }
        try (InputStream in = SpaceFile.class.getResourceAsStream("/org/dl4jsnn/arbiter/presets/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("preset " + name + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    public static SpaceFile parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("space file is not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("space file must be a JSON object of settings");
        }
        Map<String, ValueSpec> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (e.getKey().startsWith("_")) {
                continue; // comments
            }
            Key key = KEYS.get(e.getKey());
            if (key == null) {
                throw new IllegalArgumentException("space file: unknown setting '" + e.getKey() + "'; known: "
                        + String.join(", ", KEYS.keySet()));
            }
            values.put(key.name(), value(key, e.getValue()));
        }
        if (values.get("hiddenLayers") != null && !(values.get("hiddenLayers") instanceof ValueSpec.Fixed)) {
            throw new IllegalArgumentException("space file: hiddenLayers must be " + KEYS.get("hiddenLayers").range());
        }
        return new SpaceFile(values, json);
    }

    private static ValueSpec value(Key key, JsonNode node) {
        if (node.isArray()) {
            if (node.size() == 0) {
                throw new IllegalArgumentException("space file: " + key.name() + " lists no values; give " + key.range());
            }
            List<Object> choices = new ArrayList<>();
            for (JsonNode v : node) {
                choices.add(scalar(key, v));
            }
            return new ValueSpec.Choice(choices);
        }
        if (node.isObject()) {
            if (key.kind() != Kind.INT && key.kind() != Kind.DOUBLE) {
                throw new IllegalArgumentException("space file: " + key.name() + " takes a value or a list, not a range");
            }
            if (!node.has("min") || !node.has("max")) {
                throw new IllegalArgumentException("space file: the range of " + key.name() + " needs min and max");
            }
            double min = ((Number) scalar(key, node.get("min"))).doubleValue();
            double max = ((Number) scalar(key, node.get("max"))).doubleValue();
            if (!(min < max)) {
                throw new IllegalArgumentException("space file: " + key.name() + " range needs min < max, got " + min
                        + " and " + max);
            }
            String scale = node.path("scale").asText("linear");
            if (!scale.equals("linear") && !scale.equals("log")) {
                throw new IllegalArgumentException("space file: " + key.name() + " scale must be linear or log, got "
                        + scale);
            }
            if (scale.equals("log") && key.kind() == Kind.INT) {
                throw new IllegalArgumentException("space file: " + key.name() + " is an integer: log scale is for"
                        + " numbers");
            }
            return new ValueSpec.Range(min, max, scale.equals("log"));
        }
        return new ValueSpec.Fixed(scalar(key, node));
    }

    private static Object scalar(Key key, JsonNode v) {
        String bad = "space file: " + key.name() + " must be " + key.range() + ", got " + v;
        switch (key.kind()) {
            case INT -> {
                if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < key.min() || v.asInt() > key.max()) {
                    throw new IllegalArgumentException(bad);
                }
                return v.asInt();
            }
            case DOUBLE -> {
                if (!v.isNumber() || !(v.asDouble() >= key.min() && v.asDouble() <= key.max())) {
                    throw new IllegalArgumentException(bad);
                }
                return v.asDouble();
            }
            case BOOL -> {
                if (!v.isBoolean()) {
                    throw new IllegalArgumentException(bad);
                }
                return v.asBoolean();
            }
            default -> {
                if (!v.isTextual()) {
                    throw new IllegalArgumentException(bad);
                }
                try {
                    return switch (key.kind()) {
                        case METHOD -> GradientMethod.parse(v.asText());
                        case DISTRIBUTION -> DirectionDistribution.valueOf(upper(v));
                        case SCHEDULE -> LearningRateSchedule.valueOf(upper(v));
                        case SURROGATE -> SurrogateKind.valueOf(upper(v));
                        case RESET -> ResetMode.valueOf(upper(v));
                        default -> throw new IllegalStateException(key.kind().name());
                    };
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(bad);
                }
            }
        }
    }

    private static String upper(JsonNode v) {
        return v.asText().trim().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The settings this file sets (the rest keep the task's defaults). */
    public Set<String> keys() {
        return values.keySet();
    }

    /** The file's text, as read. */
    public String json() {
        return json;
    }

    private <T> ParameterSpace<T> space(String key, Object fallback, boolean integer) {
        ValueSpec v = values.getOrDefault(key, new ValueSpec.Fixed(fallback));
        return v.toSpace(o -> {
            @SuppressWarnings("unchecked")
            T t = (T) o;
            return t;
        }, integer);
    }

    /** The training-method part; defaults: RFG-L, K = 1, Rademacher, rate 5e-3, constant. */
    public TrainingMethodSpace methodSpace() {
        return new TrainingMethodSpace.Builder()
                .gradient(space("method", GradientMethod.RFG_L, false))
                .directions(space("directions", 1, true))
                .distribution(space("distribution", DirectionDistribution.RADEMACHER, false))
                .learningRate(space("learningRate", 5e-3, false))
                .schedule(space("schedule", LearningRateSchedule.CONSTANT, false))
                .build();
    }

    /**
     * A spiking MLP space; defaults are the Mexican-hat network: two hidden layers of 16, T = 32, SG with
     * s = 0.5, Integrate-and-Fire, reset by subtraction (detached).
     */
    public SpikingMlpSpace mlpSpace(int inputs, int outputs) {
        rejectKeys("latent");
        SpikingDenseLayerSpace layer = new SpikingDenseLayerSpace.Builder()
                .nOut(this.<Integer>space("hiddenWidth", 16, true))
                .timeSteps(space("timeSteps", 32, true))
                .threshold(space("threshold", 1.0, false))
                .beta(space("beta", 1.0, false))
                .surrogate(space("surrogate", SurrogateKind.SG, false))
                .surrogateWidth(space("surrogateWidth", 0.5, false))
                .wsgSamples(space("wsgSamples", 16, true))
                .resetMode(space("resetMode", ResetMode.SUBTRACT, false))
                .resetDifferentiated(space("resetDifferentiated", false, false))
                .build();
        int layers = values.get("hiddenLayers") instanceof ValueSpec.Fixed f ? (Integer) f.value() : 2;
        return new SpikingMlpSpace(inputs, outputs, layers, layer, methodSpace());
    }

    /** A DeepONet space; defaults are the paper's Poisson network (hidden 32, p = 32, T = 32, SG, s = 0.3). */
    public DeepOnetSpace deepOnetSpace(int sensors) {
        rejectKeys("hiddenLayers", "beta", "resetMode", "resetDifferentiated");
        return new DeepOnetSpace.Builder().sensors(sensors)
                .hiddenWidth(space("hiddenWidth", 32, true))
                .latent(space("latent", 32, true))
                .timeSteps(space("timeSteps", 32, true))
                .surrogate(space("surrogate", SurrogateKind.SG, false))
                .surrogateWidth(space("surrogateWidth", 0.3, false))
                .wsgSamples(space("wsgSamples", 16, true))
                .threshold(space("threshold", 1.0, false))
                .method(methodSpace())
                .build();
    }

    /**
     * A SepONet space for data with {@code sensors} sensors on an nx x nt grid; defaults are the paper's
     * diffusion-reaction network (hidden 16, r = 16, T = 32, SG with s = 0.5). {@code latent} is r.
     */
    public SepOnetSpace sepOnetSpace(int sensors, int nx, int nt) {
        rejectKeys("hiddenLayers", "beta", "resetMode", "resetDifferentiated", "threshold");
        return new SepOnetSpace(sensors, nx, nt, space("hiddenWidth", 16, true), space("latent", 16, true),
                space("timeSteps", 32, true), space("surrogate", SurrogateKind.SG, false),
                space("surrogateWidth", 0.5, false), space("wsgSamples", 16, true), methodSpace());
    }

    private void rejectKeys(String... keys) {
        for (String k : keys) {
            if (values.containsKey(k)) {
                throw new IllegalArgumentException("space file: " + k + " does not apply to this network");
            }
        }
    }
}
