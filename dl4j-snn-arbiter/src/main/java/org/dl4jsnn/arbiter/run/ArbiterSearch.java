package org.dl4jsnn.arbiter.run;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.arbiter.optimize.api.termination.MaxCandidatesCondition;
import org.deeplearning4j.arbiter.optimize.api.termination.MaxTimeCondition;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.deeplearning4j.arbiter.optimize.generator.GridSearchCandidateGenerator;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;
import org.deeplearning4j.arbiter.optimize.runner.LocalOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.listener.StatusListener;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.dl4jsnn.arbiter.candidate.SearchCandidate;

/**
 * Runs a search with Arbiter's own machinery: a random or grid candidate generator over the space,
 * {@link LocalOptimizationRunner} (one candidate at a time: training is single-threaded by design here),
 * termination after the candidate count or the time budget, {@link ValidationScore} as the score and
 * {@link SearchFolder} as the result saver.
 */
public final class ArbiterSearch {

    private ArbiterSearch() {
    }

    /** The search's finished candidates (this run's and earlier runs' in the same folder) and the best. */
    public record Outcome(List<CandidateRecord> records, Optional<CandidateRecord> best) {
    }

    public static Outcome run(SearchSettings settings, ParameterSpace<? extends SearchCandidate> space,
                              Class<? extends DataSource> data, Properties dataProperties, SearchFolder folder,
                              StatusListener... listeners) {
        return run(settings, space, data, dataProperties, folder, index -> List.of(), listeners);
    }

    /** As above, with DL4J training listeners attached to each candidate's model while it trains. */
    public static Outcome run(SearchSettings settings, ParameterSpace<? extends SearchCandidate> space,
                              Class<? extends DataSource> data, Properties dataProperties, SearchFolder folder,
                              IntFunction<List<TrainingListener>> trainingListeners, StatusListener... listeners) {
        CandidateGenerator generator = generator(settings, space);
        OptimizationConfiguration conf = new OptimizationConfiguration.Builder()
                .candidateGenerator(generator)
                .dataSource(data, dataProperties)
                .scoreFunction(new ValidationScore())
                .modelSaver(folder)
                .terminationConditions(new MaxCandidatesCondition(settings.candidates()),
                        new MaxTimeCondition(settings.maxMillis(), TimeUnit.MILLISECONDS),
                        new GeneratorExhausted(generator))
                .build();
        LocalOptimizationRunner runner = new LocalOptimizationRunner(conf,
                new CandidateTaskCreator(folder, settings, trainingListeners));
        runner.addListeners(listeners);
        runner.execute();
        List<CandidateRecord> records = folder.records();
        return new Outcome(records, folder.writeBest(records));
    }

    static CandidateGenerator generator(SearchSettings settings, ParameterSpace<? extends SearchCandidate> space) {
        CandidateGenerator g = switch (settings.strategy()) {
            case RANDOM -> new RandomSearchGenerator(space, null);
            case GRID -> new GridSearchCandidateGenerator(space, settings.gridPoints(),
                    GridSearchCandidateGenerator.Mode.Sequential, null);
        };
        g.setRngSeed(settings.seed());
        return new BuildCheckedGenerator(g);
    }
}
