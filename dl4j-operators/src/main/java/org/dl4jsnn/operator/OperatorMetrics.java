package org.dl4jsnn.operator;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.data.FunctionSamples;
import org.dl4jsnn.data.GridOperatorSamples;
import org.dl4jsnn.data.OperatorSamples;
import org.dl4jsnn.layer.NdArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The operator tasks' error metric (docs/design.md section 5): the mean over test functions of each function's
 * relative L2 error ||pred - true|| / ||true||, and the predictions it is computed from.
 */
public final class OperatorMetrics {

    private OperatorMetrics() {
    }

    /**
     * DeepONet predictions [functions][points] at every (function, point) pair of the samples, in the
     * network's {@link BranchRows} layout (per function: the branch runs once per function).
     */
    public static double[][] predictDeepOnet(ComputationGraph net, OperatorSamples samples, DataType type) {
        int n = samples.functionCount();
        int m = samples.sensorCount();
        int p = samples.pointCount();
        boolean perFunction = BranchRows.of(net.getConfiguration()) == BranchRows.PER_FUNCTION;
        double[][] out = new double[n][];
        INDArray trunk = samples.pointsColumn(type);
        INDArray index = perFunction ? Nd4j.zeros(type, p, 1) : null;
        for (int s = 0; s < n; s++) {
            INDArray function = Nd4j.create(samples.function(s), new long[] {1, m}, 'c').castTo(type);
            INDArray[] in = perFunction ? new INDArray[] {function, trunk, index}
                    : new INDArray[] {function.repeat(0, p), trunk};
            out[s] = NdArrays.toDoubles(net.output(false, in)[0]);
        }
        return out;
    }

    /** SepONet predictions [functions][i*Nt + j] on the samples' grid. */
    public static double[][] predictSepOnet(ComputationGraph net, GridOperatorSamples samples, DataType type) {
        INDArray out = net.output(false, samples.functionsArray(type), samples.xColumn(type), samples.tColumn(type))[0];
        double[] flat = NdArrays.toDoubles(out);
        int cols = samples.nx() * samples.nt();
        double[][] rows = new double[samples.functionCount()][cols];
        for (int s = 0; s < rows.length; s++) {
            System.arraycopy(flat, s * cols, rows[s], 0, cols);
        }
        return rows;
    }

    /**
     * The mean over functions of each function's relative L2 error (docs/design.md section 5): every
     * function counts the same, however small its solution.
     */
    public static double meanRelativeL2(double[][] predictions, double[][] truths) {
        double sum = 0;
        for (int s = 0; s < truths.length; s++) {
            sum += relativeL2(predictions[s], truths[s]);
        }
        return sum / truths.length;
    }

    /**
     * The global relative L2 error: all functions and points together, sqrt(sum (pred - true)^2 / sum
     * true^2). Functions with large solutions weigh more, so it is below the per-function mean when the
     * small solutions are the badly predicted ones.
     */
    public static double globalRelativeL2(double[][] predictions, double[][] truths) {
        if (predictions.length != truths.length) {
            throw new IllegalArgumentException("predictions has " + predictions.length + " functions, truths "
                    + truths.length);
        }
        double num = 0;
        double den = 0;
        for (int s = 0; s < truths.length; s++) {
            for (int e = 0; e < truths[s].length; e++) {
                double d = predictions[s][e] - truths[s][e];
                num += d * d;
                den += truths[s][e] * truths[s][e];
            }
        }
        return Math.sqrt(num / den);
    }

    public static double relativeL2(double[] prediction, double[] truth) {
        double num = 0;
        double den = 0;
        for (int e = 0; e < truth.length; e++) {
            double d = prediction[e] - truth[e];
            num += d * d;
            den += truth[e] * truth[e];
        }
        return Math.sqrt(num / den);
    }

    /** The true outputs, one row per function. */
    public static double[][] solutions(FunctionSamples samples) {
        double[][] u = new double[samples.functionCount()][];
        for (int s = 0; s < u.length; s++) {
            u[s] = samples.solution(s);
        }
        return u;
    }
}
