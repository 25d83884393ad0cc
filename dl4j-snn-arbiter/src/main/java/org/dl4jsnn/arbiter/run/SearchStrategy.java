package org.dl4jsnn.arbiter.run;

/** How candidates are drawn from a space. */
public enum SearchStrategy {
    /** Arbiter's RandomSearchGenerator: independent uniform draws of every parameter, seeded. */
    RANDOM,
    /** Arbiter's GridSearchCandidateGenerator in sequential order: every combination of the discrete values and
     * of {@code gridPoints} points of each continuous range. */
    GRID
}
