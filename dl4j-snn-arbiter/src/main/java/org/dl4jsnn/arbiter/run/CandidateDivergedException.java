package org.dl4jsnn.arbiter.run;

/** A candidate's training produced a non-finite loss or gradient: a result of the search, not a bug. */
public class CandidateDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CandidateDivergedException(String message, Throwable cause) {
        super(message, cause);
    }
}
