package org.dl4jsnn.reproduce;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a reproduction chooses each method's learning rate: train with every candidate for
 * {@code iterations} on the training set without its validation fold, keep the candidate with the
 * lowest validation error. The test set plays no part.
 *
 * @param candidates learning rates to try, in the order given; at least two, distinct, finite, > 0
 * @param iterations training iterations of each trial, > 0
 */
public record LearningRateSearch(List<Double> candidates, int iterations) {

    public LearningRateSearch {
        candidates = List.copyOf(candidates);
        if (candidates.size() < 2) {
            throw new IllegalArgumentException("learning-rate candidates: at least two are needed to choose from, got "
                    + candidates.size());
        }
        Set<Double> seen = new HashSet<>();
        for (double lr : candidates) {
            if (!(lr > 0) || !Double.isFinite(lr)) {
                throw new IllegalArgumentException("learning-rate candidates must be finite and > 0, got " + lr);
            }
            if (!seen.add(lr)) {
                throw new IllegalArgumentException("learning-rate candidate " + lr + " is listed twice");
            }
        }
        if (iterations <= 0) {
            throw new IllegalArgumentException("learning-rate search iterations must be > 0, got " + iterations);
        }
    }
}
