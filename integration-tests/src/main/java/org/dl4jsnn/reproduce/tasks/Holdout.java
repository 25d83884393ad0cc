package org.dl4jsnn.reproduce.tasks;

import java.util.function.BiFunction;
import org.dl4jsnn.reproduce.EvaluationSplit;

/**
 * A training set cut into the rows that validation runs train on and the validation fold they are
 * scored on (the last tenth, {@link EvaluationSplit#validationStart}). Cut once, reused by every trial.
 *
 * @param <T> the data set type, which can give a row range
 */
record Holdout<T>(T all, T trainingRows, T fold) {

    /** @param rows gives the rows [from, to) of {@code all} */
    static <T> Holdout<T> of(T all, int size, BiFunction<Integer, Integer, T> rows) {
        int start = EvaluationSplit.validationStart(size);
        return new Holdout<>(all, rows.apply(0, start), rows.apply(start, size));
    }

    /** What a run of this split trains on: everything for TEST, all but the fold for VALIDATION. */
    T trainingSet(EvaluationSplit split) {
        return split == EvaluationSplit.TEST ? all : trainingRows;
    }
}
