package org.dl4jsnn.reproduce;

import java.util.Locale;
import java.util.Optional;

/**
 * When a training run counts as diverged: its loss is not finite, or it has stayed above
 * {@link #FACTOR} times the first iteration's loss for {@link #WINDOW} iterations in a row.
 *
 * <p>Why these numbers. The first loss is the untrained network's, whose output is near zero, so it is
 * about the targets' mean square; 100 times that is a prediction ten times the targets' size (relative
 * L2 error near 10), which no run that is learning reaches: the slowest healthy run measured here,
 * RFG-G on the Poisson DeepONet, stayed near relative error 1 (loss near 1x). A single bad RFG step
 * can throw the loss up briefly; Adam pulls it back within a few iterations, so 50 iterations in a row
 * separate a run that recovers from one that has left. A learning rate of 1e6 on the Mexican hat
 * passes 100x within its first iterations and stays there.
 *
 * <p>One instance watches one run; its state is kept in checkpoints so a resumed run judges exactly as
 * the uninterrupted one would.
 */
public final class DivergenceRule {

    public static final double FACTOR = 100;
    public static final int WINDOW = 50;

    private double initialLoss;
    private int firstAbove;

    /** A rule for a run that has not started. */
    public DivergenceRule() {
        this(Double.NaN, 0);
    }

    /**
     * The rule of a resumed run, from {@link #initialLoss()} and {@link #aboveSince()} as saved.
     *
     * @param initialLoss the first iteration's loss, or NaN when training has not started
     * @param aboveSince the iteration since which the loss has stayed above the limit, 0 if it is below
     */
    public DivergenceRule(double initialLoss, int aboveSince) {
        if (aboveSince < 0) {
            throw new IllegalArgumentException("aboveSince must be >= 0, got " + aboveSince);
        }
        this.initialLoss = initialLoss;
        this.firstAbove = aboveSince;
    }

    public double initialLoss() {
        return initialLoss;
    }

    public int aboveSince() {
        return firstAbove;
    }

    /** Judges the loss of one iteration, in order; empty while the run is healthy. */
    public Optional<Divergence> check(int iteration, double loss) {
        if (!Double.isFinite(loss)) {
            return Optional.of(new Divergence(iteration, "the loss became " + loss));
        }
        if (Double.isNaN(initialLoss)) {
            initialLoss = loss;
            return Optional.empty();
        }
        if (!(loss > FACTOR * initialLoss)) {
            firstAbove = 0;
            return Optional.empty();
        }
        if (firstAbove == 0) {
            firstAbove = iteration;
        }
        if (iteration - firstAbove + 1 < WINDOW) {
            return Optional.empty();
        }
        return Optional.of(new Divergence(iteration, String.format(Locale.ROOT,
                "the loss stayed above %.0f x the first iteration's loss (%.4g) for %d iterations, since"
                        + " iteration %d; now %.4g", FACTOR, initialLoss, WINDOW, firstAbove, loss)));
    }
}
