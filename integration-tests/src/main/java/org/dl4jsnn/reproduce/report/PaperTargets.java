package org.dl4jsnn.reproduce.report;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.dl4jsnn.reproduce.MethodSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper's error for a method. Keys are normalised through {@link MethodSpec#parse} so "sg-bp"
 * and "SG-BP" agree; a method with K > 1 directions is held to the paper's K = 1 number.
 */
final class PaperTargets {

    private static final Logger LOG = LoggerFactory.getLogger(PaperTargets.class);

    private final Map<String, Double> byLabel = new HashMap<>();

    PaperTargets(Map<String, Double> paperErrors) {
        paperErrors.forEach((key, value) -> {
            try {
                byLabel.put(MethodSpec.parse(key, 1).label(), value);
            } catch (IllegalArgumentException e) {
                LOG.warn("paper error key '{}' is not a method label; it can only match exactly", key);
                byLabel.put(key, value);
            }
        });
    }

    OptionalDouble of(MethodSpec method) {
        Double v = byLabel.get(method.label());
        if (v == null) {
            v = byLabel.get(method.withSingleDirection().label());
        }
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
