package org.dl4jsnn.reproduce;

import org.dl4jsnn.operator.OperatorMetrics;

/**
 * The task's error metrics on the rows a run trained on, measured once at its end. Beside the test
 * error it tells a gap in optimisation (training error as high as test error) from one in
 * generalisation (training error far below it).
 *
 * @param relL2 the task's metric ({@link MethodRun#relL2()}'s, operator tasks: the mean over training
 *     functions of each function's relative L2 error)
 * @param globalRelL2 all training functions and points pooled (equal to relL2 for point tasks)
 */
public record TrainingSetError(double relL2, double globalRelL2) {

    public TrainingSetError {
        // NaN passes: a network whose outputs overflowed still ends its run with the record kept
        requireNotNegative(relL2, "relL2");
        requireNotNegative(globalRelL2, "globalRelL2");
    }

    /** An operator task's two metrics from its predictions and solutions, one row per training function. */
    public static TrainingSetError ofFunctions(double[][] predictions, double[][] solutions) {
        return new TrainingSetError(OperatorMetrics.meanRelativeL2(predictions, solutions),
                OperatorMetrics.globalRelativeL2(predictions, solutions));
    }

    private static void requireNotNegative(double v, String name) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " must be >= 0 (or NaN), got " + v);
        }
    }
}
