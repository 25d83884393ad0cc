package org.dl4jsnn.arbiter.run;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a search keeps of one finished candidate: enough to show it in a table, to skip it on resume and
 * to restore its model.
 *
 * @param flatParameters Arbiter's point in [0, 1]^n that produced the candidate: a resumed search retrains
 *                       a candidate whose point differs (the space or seed changed)
 * @param score          validation relative L2 error; null when the candidate failed
 * @param seconds        wall time of building, training and scoring
 * @param error          why it failed; null when it completed
 * @param modelType      "MultiLayerNetwork" or "ComputationGraph"; null when it failed
 * @param network        the DL4J configuration JSON; null when it failed
 */
public record CandidateRecord(int index, double[] flatParameters, Double score, double seconds,
                              Map<String, Object> settings, String error, String modelType, String network) {

    public CandidateRecord {
        Objects.requireNonNull(flatParameters, "flatParameters");
        flatParameters = flatParameters.clone();
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        if ((score == null) == (error == null)) {
            throw new IllegalArgumentException("a candidate record has either a score or an error, not both or neither");
        }
    }

    public boolean completed() {
        return score != null;
    }

    /** The gradient method's label (BP, RFG-G, RFG-L, ...), as the settings name it. */
    public String method() {
        return String.valueOf(settings.get("method"));
    }

    @Override
    public double[] flatParameters() {
        return flatParameters.clone();
    }

    boolean sameParameters(double[] other) {
        return Arrays.equals(flatParameters, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CandidateRecord r && index == r.index && sameParameters(r.flatParameters)
                && Objects.equals(score, r.score) && Double.compare(seconds, r.seconds) == 0
                && settings.equals(r.settings) && Objects.equals(error, r.error)
                && Objects.equals(modelType, r.modelType) && Objects.equals(network, r.network);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, Arrays.hashCode(flatParameters), score, settings);
    }
}
