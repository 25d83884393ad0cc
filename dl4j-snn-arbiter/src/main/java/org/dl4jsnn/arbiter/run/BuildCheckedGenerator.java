package org.dl4jsnn.arbiter.run;

import java.io.Serializable;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

/**
 * Wraps Arbiter's generator so that a candidate whose configuration cannot be built (a space reaching
 * outside a layer's ranges) becomes a task that fails at once and is recorded. Arbiter's runner
 * otherwise drops such candidates without counting them and keeps drawing new ones, so a space that
 * never builds would never stop.
 */
final class BuildCheckedGenerator implements CandidateGenerator {

    /** The stand-in value of a candidate that could not be built; the task reports {@link #reason}. */
    record Unbuildable(String reason) implements Serializable {
        @Override
        public String toString() {
            return "could not be built: " + reason;
        }
    }

    private final CandidateGenerator inner;

    BuildCheckedGenerator(CandidateGenerator inner) {
        this.inner = inner;
    }

    @Override
    public boolean hasMoreCandidates() {
        return inner.hasMoreCandidates();
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Candidate getCandidate() {
        Candidate c = inner.getCandidate();
        if (c.getException() == null) {
            return c;
        }
        Exception e = c.getException();
        String reason = e.getMessage() == null ? e.toString() : e.getMessage();
        return new Candidate(new Unbuildable(reason), c.getIndex(), c.getFlatParameters(), c.getDataParameters(), null);
    }

    @Override
    public void reportResults(OptimizationResult result) {
        inner.reportResults(result);
    }

    @Override
    public ParameterSpace<?> getParameterSpace() {
        return inner.getParameterSpace();
    }

    @Override
    public void setRngSeed(long seed) {
        inner.setRngSeed(seed);
    }

    @Override
    public Class<?> getCandidateType() {
        return inner.getCandidateType();
    }
}
