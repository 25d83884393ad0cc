package org.dl4jsnn.arbiter.run;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.listener.StatusListener;
import org.dl4jsnn.arbiter.candidate.SearchCandidate;

/**
 * An Arbiter StatusListener that writes one line per finished candidate: its settings and validation
 * error, the best so far, the time spent and an estimate of the time left (the mean time of the
 * candidates trained in this run times the candidates still to go, capped by the time budget).
 */
public final class ProgressLines implements StatusListener {

    private final Consumer<String> out;
    private final int candidates;
    private final long maxMillis;
    private final LongSupplier clock;
    private final Set<Integer> trainedHere = ConcurrentHashMap.newKeySet();
    private long startMillis;
    private int finished;
    private int trained;
    private long trainedMillis;
    private Double best;
    private int bestIndex = -1;

    public ProgressLines(Consumer<String> out, SearchSettings settings) {
        this(out, settings.candidates(), settings.maxMillis(), System::currentTimeMillis);
    }

    ProgressLines(Consumer<String> out, int candidates, long maxMillis, LongSupplier clock) {
        this.out = out;
        this.candidates = candidates;
        this.maxMillis = maxMillis;
        this.clock = clock;
        this.startMillis = clock.getAsLong();
    }

    @Override
    public void onInitialization(IOptimizationRunner runner) {
        startMillis = clock.getAsLong();
    }

    @Override
    public void onShutdown(IOptimizationRunner runner) {
        out.accept(String.format("search finished: %d candidates, best %s, %s", finished,
                best == null ? "none completed" : String.format("%.4f (#%d)", best, bestIndex),
                ProgressText.duration(clock.getAsLong() - startMillis)));
    }

    @Override
    public void onRunnerStatusChange(IOptimizationRunner runner) {
    }

    @Override
    public synchronized void onCandidateStatusChange(CandidateInfo info, IOptimizationRunner runner,
                                                     OptimizationResult result) {
        if (info.getCandidateStatus() == CandidateStatus.Running) {
            trainedHere.add(info.getIndex());
            return;
        }
        if (result == null || (info.getCandidateStatus() != CandidateStatus.Complete
                && info.getCandidateStatus() != CandidateStatus.Failed)) {
            return;
        }
        finished++;
        boolean here = trainedHere.contains(info.getIndex());
        if (here && info.getStartTime() != null && info.getEndTime() != null) {
            trained++;
            trainedMillis += info.getEndTime() - info.getStartTime();
        }
        Double score = result.getScore();
        if (score != null && (best == null || score < best)) {
            best = score;
            bestIndex = info.getIndex();
        }
        long elapsed = clock.getAsLong() - startMillis;
        out.accept(line(info, result, here, elapsed));
    }

    private String line(CandidateInfo info, OptimizationResult result, boolean here, long elapsed) {
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(finished).append('/').append(candidates).append("] #").append(info.getIndex());
        Object value = result.getCandidate() == null ? null : result.getCandidate().getValue();
        if (value instanceof SearchCandidate c) {
            sb.append(' ').append(ProgressText.describe(c.settings()));
        }
        sb.append(": ");
        if (result.getScore() != null) {
            sb.append(String.format("validation %.4f", result.getScore()));
        } else {
            sb.append("failed");
        }
        if (here && info.getEndTime() != null && info.getStartTime() != null) {
            sb.append(" in ").append(ProgressText.duration(info.getEndTime() - info.getStartTime()));
        } else if (!here) {
            sb.append(" (finished by an earlier run)");
        }
        sb.append(" | best ").append(best == null ? "-" : String.format("%.4f (#%d)", best, bestIndex));
        sb.append(" | elapsed ").append(ProgressText.duration(elapsed));
        if (trained > 0 && finished < candidates) {
            long eta = (candidates - finished) * (trainedMillis / trained);
            eta = Math.min(eta, Math.max(0, maxMillis - elapsed) + trainedMillis / trained);
            sb.append(", ETA ").append(ProgressText.duration(eta));
        }
        return sb.toString();
    }

    @Override
    public void onCandidateIteration(CandidateInfo info, Object model, int iteration) {
    }
}
