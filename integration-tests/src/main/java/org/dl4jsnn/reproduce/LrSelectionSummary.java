package org.dl4jsnn.reproduce;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a learning-rate search found, for the report and results.json.
 *
 * @param validationFold which training rows were held out, in words
 * @param trials every (method, candidate) tried, in method then candidate order
 */
public record LrSelectionSummary(LearningRateSearch search, String validationFold, List<LrTrial> trials) {

    public LrSelectionSummary {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(validationFold, "validationFold");
        trials = List.copyOf(trials);
    }

    public List<LrTrial> trialsOf(String method) {
        return trials.stream().filter(t -> t.method().equals(method)).toList();
    }

    /** The learning rate chosen for a method; empty if it had no trials or all diverged. */
    public OptionalDouble chosen(String method) {
        return LrTrial.best(trialsOf(method)).map(t -> OptionalDouble.of(t.lr())).orElse(OptionalDouble.empty());
    }
}
