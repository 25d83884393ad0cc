package org.dl4jsnn.reproduce;

/**
 * Which rows a run trains on and which it is scored on. Settings are chosen on VALIDATION runs, so the
 * test set is looked at only by the runs that are reported.
 */
public enum EvaluationSplit {
    /** Train on the whole training set; score on the test set. The reported runs. */
    TEST,
    /** Train on the training set without its validation fold; score on that fold. */
    VALIDATION;

    /** The share of a task's training rows held out as its validation fold. */
    public static final double VALIDATION_FRACTION = 0.1;

    /** The first row of the validation fold among n training rows: the last tenth, at least one row. */
    public static int validationStart(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("a validation fold needs at least 2 training rows, got " + n);
        }
        int fold = Math.max(1, (int) Math.round(n * VALIDATION_FRACTION));
        return n - fold;
    }
}
