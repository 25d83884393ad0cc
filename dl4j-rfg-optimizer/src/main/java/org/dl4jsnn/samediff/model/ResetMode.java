package org.dl4jsnn.samediff.model;

/** What happens to a membrane after it spikes. */
public enum ResetMode {
    /** U' = U - theta S: keeps the overshoot above threshold. */
    SUBTRACT,
    /** U' = U (1 - S). */
    ZERO
}
