package org.dl4jsnn.neuron;

/** What a spike does to the membrane. */
public enum ResetMode {
    /** U' = U - threshold * S: the overshoot above threshold is kept (the paper's default). */
    SUBTRACT,
    /** U' = U * (1 - S): the membrane restarts from zero, as Loihi does. */
    ZERO
}
