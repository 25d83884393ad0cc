package org.dl4jsnn.averaging;

import java.util.Objects;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An exponential moving average of a network's parameters over the training iterations. After t updates
 * with iterates p_1..p_t its value is
 * <pre>  sum_i (1 - d) d^(t - i) p_i / (1 - d^t)</pre>
 * a weighted mean of every iterate so far in which the weights sum to one (the division removes the pull
 * towards zero of an average that starts empty), so the first value is p_1 itself.
 *
 * <p>Why it is here: a randomized forward gradient is unbiased but its variance grows with the number of
 * parameters a direction spans, so at a fixed learning rate the iterates wander in a band around a
 * minimum whose width grows with the rate (docs/design.md section 3). Averaging the iterates cancels much
 * of that wander without lowering the rate; measured there, it does not beat a decaying rate, which already
 * averages, so it serves runs that keep their rate. Training still follows the live iterate; only
 * evaluation and the saved model use the average ({@link #appliedTo}).
 *
 * <p>The average is kept in double precision whatever the network's data type, so that a hundred
 * thousand updates of a float network do not accumulate float rounding. Not thread-safe: one training
 * loop owns it.
 */
public final class ParameterAverage {

    private final double decay;
    private long steps;
    /** sum_i (1 - d) d^(t - i) p_i, not yet divided by the weights' sum; null before the first update */
    private double[] weighted;

    /** @param decay d, the weight an update keeps of the average before it; in (0, 1), e.g. 0.999 */
    public ParameterAverage(double decay) {
        this.decay = requireDecay(decay);
    }

    /**
     * An average that resumes from {@link #steps()} and {@link #state()} of an earlier one with the same
     * decay, so that a resumed run averages exactly as an uninterrupted one.
     */
    public static ParameterAverage restored(double decay, long steps, INDArray state) {
        ParameterAverage a = new ParameterAverage(decay);
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if ((steps == 0) != (state == null)) {
            throw new IllegalArgumentException("state must be given exactly when steps > 0 (steps " + steps + ")");
        }
        a.steps = steps;
        a.weighted = state == null ? null : state.castTo(DataType.DOUBLE).reshape(state.length()).toDoubleVector();
        return a;
    }

    /** @throws IllegalArgumentException naming the allowed range unless 0 < decay < 1 */
    public static double requireDecay(double decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("parameter average decay must be in (0, 1), e.g. 0.999, got " + decay);
        }
        return decay;
    }

    /** Takes one more iterate into the average. */
    public void update(INDArray params) {
        Objects.requireNonNull(params, "params must not be null");
        // one conversion and a plain loop: the networks here are small, and a chain of ND4J ops would cost
        // more per iteration in dispatch than the arithmetic
        double[] p = params.reshape(params.length()).toDoubleVector();
        if (weighted == null) {
            weighted = new double[p.length];
        } else if (weighted.length != p.length) {
            throw new IllegalArgumentException("params has " + p.length + " values, the average "
                    + weighted.length + ": one average follows one network");
        }
        double keep = decay;
        double take = 1 - decay;
        for (int k = 0; k < p.length; k++) {
            weighted[k] = keep * weighted[k] + take * p[k];
        }
        steps++;
    }

    /** The average as a flat row vector of {@code type}. @throws IllegalStateException before any update */
    public INDArray value(DataType type) {
        if (steps == 0) {
            throw new IllegalStateException("no iterate averaged yet: call update after a training step first");
        }
        // 1 - d^t computed as -expm1(t ln d): exact to the last bit also when d^t is within rounding of 1
        double mass = -Math.expm1(steps * Math.log(decay));
        double[] v = new double[weighted.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = weighted[k] / mass;
        }
        return Nd4j.createFromArray(v).castTo(type).reshape(1, v.length);
    }

    public double decay() {
        return decay;
    }

    /** How many iterates have been averaged. */
    public long steps() {
        return steps;
    }

    /** The raw state to checkpoint (a copy), null before any update; see {@link #restored}. */
    public INDArray state() {
        return weighted == null ? null : Nd4j.createFromArray(weighted.clone());
    }

    /**
     * Puts the average into {@code model} until the returned handle is closed, which puts the live
     * parameters back: {@code try (var averaged = average.appliedTo(net)) { evaluate(net); }}.
     */
    public Applied appliedTo(Model model) {
        INDArray live = model.params().dup();
        model.setParams(value(live.dataType()));
        return new Applied(model, live);
    }

    /** The live parameters a model had before {@link #appliedTo}; closing restores them. */
    public static final class Applied implements AutoCloseable {
        private final Model model;
        private final INDArray live;

        private Applied(Model model, INDArray live) {
            this.model = model;
            this.live = live;
        }

        @Override
        public void close() {
            model.setParams(live);
        }
    }
}
