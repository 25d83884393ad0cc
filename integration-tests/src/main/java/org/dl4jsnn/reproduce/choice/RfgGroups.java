package org.dl4jsnn.reproduce.choice;

import java.util.List;
import java.util.Locale;
import org.dl4jsnn.estimator.Grouping;

/**
 * How RFG-L groups a task's parameters: by layer (the paper), with the output layer's bias in a group
 * of its own, and/or in groups of N neurons. See {@link Grouping}.
 *
 * @param neuronsPerGroup 0: whole layers
 */
public record RfgGroups(boolean outputBiasApart, int neuronsPerGroup) {

    public static final RfgGroups BY_LAYER = new RfgGroups(false, 0);
    public static final RfgGroups OUTPUT_BIAS = new RfgGroups(true, 0);

    public RfgGroups {
        if (neuronsPerGroup < 0) {
            throw new IllegalArgumentException("neurons per group must be >= 1, got " + neuronsPerGroup);
        }
    }

    /** The estimator's grouping, given the task's output layers (whose biases go apart if asked). */
    public Grouping grouping(List<String> outputLayers) {
        Grouping g = Grouping.byLayer().withNeuronsPerGroup(neuronsPerGroup);
        return outputBiasApart ? g.withBiasApart(outputLayers.toArray(String[]::new)) : g;
    }

    /** {@code layer}, {@code output-bias}, {@code neurons:N} or {@code output-bias+neurons:N}. */
    public String text() {
        if (!outputBiasApart && neuronsPerGroup == 0) {
            return "layer";
        }
        String n = "neurons:" + neuronsPerGroup;
        return outputBiasApart ? (neuronsPerGroup == 0 ? "output-bias" : "output-bias+" + n) : n;
    }

    /** Inverse of {@link #text()}, case-insensitive. */
    public static RfgGroups parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("layer")) {
            return BY_LAYER;
        }
        boolean apart = false;
        int neurons = 0;
        for (String part : t.split("\\+")) {
            if (part.equals("output-bias") && !apart) {
                apart = true;
            } else if (part.startsWith("neurons:") && neurons == 0) {
                try {
                    neurons = Integer.parseInt(part.substring("neurons:".length()));
                } catch (NumberFormatException e) {
                    neurons = -1;
                }
                if (neurons < 1) {
                    throw new IllegalArgumentException("neurons per group must be an integer >= 1, got '" + part + "'");
                }
            } else {
                throw new IllegalArgumentException("unknown RFG-L groups '" + text + "'; allowed: layer, output-bias,"
                        + " neurons:N, output-bias+neurons:N");
            }
        }
        return new RfgGroups(apart, neurons);
    }
}
