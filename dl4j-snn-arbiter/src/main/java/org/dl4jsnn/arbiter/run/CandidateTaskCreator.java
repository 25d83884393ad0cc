package org.dl4jsnn.arbiter.run;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.IntFunction;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.TaskCreator;
import org.deeplearning4j.arbiter.optimize.api.data.DataProvider;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.listener.StatusListener;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.dl4jsnn.arbiter.candidate.SearchCandidate;

/**
 * Arbiter's TaskCreator for {@link SearchCandidate}s: a task builds the candidate's network (the RFG
 * subclass when its method is RFG), trains it for the search's iterations, scores it on the validation
 * rows and saves it. A candidate already finished in the search folder with the same Arbiter point is
 * not trained again: its recorded result is returned (resume).
 */
public final class CandidateTaskCreator implements TaskCreator {

    private final SearchFolder folder;
    private final SearchSettings settings;
    private final IntFunction<List<TrainingListener>> trainingListeners;

    public CandidateTaskCreator(SearchFolder folder, SearchSettings settings) {
        this(folder, settings, index -> List.of());
    }

    /**
     * @param trainingListeners DL4J listeners to attach to candidate {@code index}'s model while it trains
     *                          (e.g. the training UI's statistics listener, one session per candidate)
     */
    public CandidateTaskCreator(SearchFolder folder, SearchSettings settings,
                                IntFunction<List<TrainingListener>> trainingListeners) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.trainingListeners = Objects.requireNonNull(trainingListeners, "trainingListeners");
    }

    @Override
    public Callable<OptimizationResult> create(Candidate candidate, DataProvider dataProvider,
                                               ScoreFunction scoreFunction, List<StatusListener> listeners,
                                               IOptimizationRunner runner) {
        throw new UnsupportedOperationException("the search trains from a DataSource (dataSource(...) in"
                + " OptimizationConfiguration), not a DataProvider");
    }

    @Override
    public Callable<OptimizationResult> create(Candidate candidate, Class<? extends DataSource> dataSource,
                                               Properties dataSourceProperties, ScoreFunction scoreFunction,
                                               List<StatusListener> listeners, IOptimizationRunner runner) {
        return () -> run(candidate, dataSource, dataSourceProperties, scoreFunction, listeners, runner);
    }

    private OptimizationResult run(Candidate<?> candidate, Class<? extends DataSource> dataSource, Properties properties,
                                   ScoreFunction scoreFunction, List<StatusListener> listeners,
                                   IOptimizationRunner runner) {
        int index = candidate.getIndex();
        long start = System.currentTimeMillis();
        Optional<CandidateRecord> earlier = folder.finished(index);
        if (earlier.isPresent() && earlier.get().sameParameters(candidate.getFlatParameters())) {
            OptimizationResult result = folder.resultOf(candidate, earlier.get(), start);
            notify(listeners, runner, result.getCandidateInfo(), result);
            return result;
        }
        CandidateInfo running = new CandidateInfo(index, CandidateStatus.Running, null, start, start, null,
                candidate.getFlatParameters(), null);
        notify(listeners, runner, running, null);
        try {
            if (!(candidate.getValue() instanceof SearchCandidate c)) {
                throw new IllegalArgumentException(candidate.getValue() instanceof BuildCheckedGenerator.Unbuildable u
                        ? u.reason() : "the space must produce SearchCandidates, got " + candidate.getValue());
            }
            Model model = c.build(settings.networkSeed(index), settings.rfgSeed(index), settings.iterations());
            List<TrainingListener> extra = trainingListeners.apply(index);
            if (!extra.isEmpty()) {
                model.setListeners(extra);
            }
            CandidateTrainer.train(model, DataSources.create(dataSource, properties).trainData(),
                    settings.iterations());
            double score = scoreFunction.score(model, dataSource, properties);
            if (!Double.isFinite(score)) {
                throw new CandidateDivergedException("the validation error is " + score, null);
            }
            CandidateInfo done = new CandidateInfo(index, CandidateStatus.Complete, score, start, start,
                    System.currentTimeMillis(), candidate.getFlatParameters(), null);
            OptimizationResult result = new OptimizationResult(candidate, score, index, null, done, null);
            result.setResultReference(folder.saveModel(result, model));
            notify(listeners, runner, done, result);
            return result;
        } catch (Exception e) {
            CandidateInfo failed = new CandidateInfo(index, CandidateStatus.Failed, null, start, start,
                    System.currentTimeMillis(), candidate.getFlatParameters(), SearchFolder.stackTrace(e));
            if (!(e instanceof CancellationException)) {
                folder.recordFailure(candidate, failed, e);
            }
            OptimizationResult result = new OptimizationResult(candidate, null, index, null, failed, null);
            notify(listeners, runner, failed, result);
            return result;
        }
    }

    private static void notify(List<StatusListener> listeners, IOptimizationRunner runner, CandidateInfo info,
                               OptimizationResult result) {
        for (StatusListener l : listeners) {
            l.onCandidateStatusChange(info, runner, result);
        }
    }
}
