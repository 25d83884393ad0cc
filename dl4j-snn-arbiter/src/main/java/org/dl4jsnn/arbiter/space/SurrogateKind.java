package org.dl4jsnn.arbiter.space;

import org.dl4jsnn.surrogate.Surrogate;

/** The two surrogate derivatives of docs/design.md section 2, as a searchable choice. */
public enum SurrogateKind {
    /** The Gaussian density of width s. */
    SG,
    /** Stein's-lemma estimate of it from N noise samples. */
    WSG;

    /** The surrogate of this kind; {@code samples} is used by WSG only. */
    public Surrogate create(double width, int samples) {
        return this == SG ? Surrogate.gaussian(width) : Surrogate.stein(width, samples);
    }
}
