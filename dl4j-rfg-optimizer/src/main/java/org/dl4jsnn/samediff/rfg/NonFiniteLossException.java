package org.dl4jsnn.samediff.rfg;

/** The loss, a directional derivative or an update was NaN or infinite; no parameter was changed. */
public final class NonFiniteLossException extends IllegalStateException {

    private final int iteration;

    NonFiniteLossException(int iteration, String what, double value) {
        super("RFG iteration " + iteration + ": " + what + " is " + value
                + "; parameters were left unchanged");
        this.iteration = iteration;
    }

    public int iteration() {
        return iteration;
    }
}
