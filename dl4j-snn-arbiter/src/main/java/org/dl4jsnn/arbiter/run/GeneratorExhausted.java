package org.dl4jsnn.arbiter.run;

import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.termination.TerminationCondition;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;

/**
 * Stops the runner once a finite generator (a grid) has handed out every candidate and none is still
 * running: Arbiter's runner would otherwise keep polling until another condition ends it.
 */
final class GeneratorExhausted implements TerminationCondition {

    private final transient CandidateGenerator generator;

    GeneratorExhausted(CandidateGenerator generator) {
        this.generator = generator;
    }

    @Override
    public void initialize(IOptimizationRunner runner) {
    }

    @Override
    public boolean terminate(IOptimizationRunner runner) {
        return !generator.hasMoreCandidates() && runner.numCandidatesQueued() == 0;
    }

    @Override
    public String toString() {
        return "GeneratorExhausted";
    }
}
