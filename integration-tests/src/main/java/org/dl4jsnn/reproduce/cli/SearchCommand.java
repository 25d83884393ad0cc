package org.dl4jsnn.reproduce.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.dl4jsnn.arbiter.run.ArbiterSearch;
import org.dl4jsnn.arbiter.run.ProgressLines;
import org.dl4jsnn.arbiter.run.SearchFolder;
import org.dl4jsnn.arbiter.run.SearchSettings;
import org.dl4jsnn.arbiter.run.SearchStrategy;
import org.dl4jsnn.arbiter.spec.SearchTask;
import org.dl4jsnn.arbiter.spec.SpaceFile;
import org.dl4jsnn.reproduce.search.SearchManifest;
import org.dl4jsnn.reproduce.search.SearchReport;
import org.dl4jsnn.reproduce.store.WritableFolderCheck;
import org.dl4jsnn.reproduce.ui.TrainingUi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dl4j-snn search <task>}: an Arbiter hyperparameter search over spiking layers and gradient methods. */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Search spiking-layer settings and gradient methods (BP, RFG-G, RFG-L) together with Arbiter;"
                + " score each candidate on a validation split of the training set; write results.md, scores.png,"
                + " best-config.json and best-model.zip into --out.",
        footer = {"", "Tasks: mexican-hat (default space: preset mexican-hat), poisson-deeponet (preset deeponet),"
                + " diffusion-reaction-seponet (preset seponet).",
                "Presets: mexican-hat, spiking-layer, deeponet, seponet. A space file is JSON, one key per setting: a value,"
                        + " a list of choices, or {\"min\": a, \"max\": b, \"scale\": \"log\"}; see"
                        + " docs/search/README.md."})
final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<task>",
            description = "mexican-hat, poisson-deeponet or diffusion-reaction-seponet.")
    String task;

    @Option(names = "--space", paramLabel = "FILE|preset", description = "Search space: a JSON file or a preset"
            + " (default: the task's preset).")
    String space;

    @Option(names = "--candidates", paramLabel = "N", defaultValue = "24",
            description = "Stop after N finished candidates, counting ones finished earlier in --out (default 24).")
    int candidates;

    @Option(names = "--max-minutes", paramLabel = "M", defaultValue = "60",
            description = "Start no new candidate after M minutes; a running one finishes (default 60).")
    double maxMinutes;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "300",
            description = "Training iterations (minibatches) per candidate (default 300).")
    int iterations;

    @Option(names = "--batch", paramLabel = "N", description = "Batch size (default 1000; SepONet: 10 functions).")
    Integer batch;

    @Option(names = "--train-size", paramLabel = "N",
            description = "Training examples before the validation split: points (Mexican hat, default 10000) or"
                    + " functions (Poisson 800, diffusion-reaction 100). The last tenth is the validation split.")
    Integer trainSize;

    @Option(names = "--strategy", paramLabel = "random|grid", defaultValue = "random",
            description = "Arbiter's random search (default) or grid search.")
    SearchStrategy strategy;

    @Option(names = "--grid-points", paramLabel = "N", defaultValue = "3",
            description = "Grid search: points per continuous range (default 3).")
    int gridPoints;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
            description = "Fixes the candidates drawn, their initial weights and RFG directions (default 0).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default runs/search-<task>).")
    Path out;

    @Option(names = "--resume", description = "Continue the search in --out: candidates already finished there are"
            + " not trained again.")
    boolean resume;

    @Option(names = "--force", description = "Discard an earlier search in --out and start over.")
    boolean force;

    @Mixin
    UiOption ui;

    @Override
    public Integer call() throws IOException {
        SearchTask searchTask;
        SpaceFile spaceFile;
        SearchSettings settings;
        Properties data;
        try {
            searchTask = SearchTask.parse(task);
            spaceFile = SpaceFile.load(space == null ? searchTask.defaultPreset() : space);
            searchTask.space(spaceFile);
            settings = new SearchSettings(strategy, candidates, maxMinutes, iterations, gridPoints, seed);
            if (batch == null) {
                batch = searchTask.defaultBatch();
            }
            data = searchTask.dataProperties(positive("--batch", batch), trainSize, 42);
            if (trainSize != null) {
                positive("--train-size", trainSize);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path dir = (out == null ? Path.of("runs", "search-" + searchTask.id()) : out).toAbsolutePath().normalize();
        WritableFolderCheck.problem(dir).ifPresent(p -> {
            throw new ParameterException(spec.commandLine(), "--out: " + p);
        });
        if (resume && force) {
            throw new ParameterException(spec.commandLine(), "--resume and --force exclude each other");
        }
        String commandLine = "dl4j-snn " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        SearchManifest manifest = new SearchManifest(searchTask.id(), spaceFile.json(), settings, batch, trainSize);
        if (SearchManifest.exists(dir)) {
            if (force) {
                clear(dir);
            } else if (!resume) {
                throw new ParameterException(spec.commandLine(), "--out " + dir + " holds a search; add --resume to"
                        + " continue it or --force to start over");
            } else {
                String why = manifest.mismatch(dir);
                if (why != null) {
                    throw new ParameterException(spec.commandLine(), "--resume: the search in " + dir + " differs: "
                            + why + "; use another --out or --force");
                }
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        TrainingUi trainingUi;
        try {
            trainingUi = ui.start(err);
        } catch (InvalidOptionException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ProgressLines progress = new ProgressLines(line -> {
            err.println(line);
            err.flush();
        }, settings);
        ArbiterSearch.Outcome outcome;
        try {
            Files.createDirectories(dir);
            manifest.write(dir, settings, commandLine);
            // one UI session per candidate, so their curves can be compared side by side
            outcome = ArbiterSearch.run(settings, searchTask.space(spaceFile), searchTask.dataSource(), data,
                    new SearchFolder(dir), index -> trainingUi == null ? List.of()
                            : List.of(trainingUi.listener("candidate-" + index, ui.every)), progress);
        } catch (RuntimeException | IOException e) {
            // the UI server's threads would keep the JVM alive after the error
            if (trainingUi != null) {
                trainingUi.close();
            }
            throw e;
        }
        ui.finish(trainingUi, err);
        SearchReport.write(dir, searchTask.id(), space == null ? "preset " + searchTask.defaultPreset() : space,
                settings, batch, commandLine, outcome.records(), outcome.best());
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("search " + searchTask.id() + ": " + outcome.records().size() + " candidates"
                + outcome.best().map(b -> String.format(", best #%d with validation error %.4f", b.index(), b.score()))
                        .orElse(", none completed")
                + "; report written to " + dir.resolve(SearchReport.RESULTS_MD));
        stdout.flush();
        return ExitCodes.OK;
    }

    private static int positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be >= 1, got " + value);
        }
        return value;
    }

    /** Removes what a search writes, and nothing else. */
    private static void clear(Path dir) throws IOException {
        for (String f : List.of(SearchManifest.FILE, SearchReport.RESULTS_MD, SearchReport.SCORES_PNG,
                SearchFolder.BEST_MODEL, SearchFolder.BEST_CONFIG)) {
            Files.deleteIfExists(dir.resolve(f));
        }
        Path candidates = new SearchFolder(dir).recordFile(0).getParent();
        try (var files = Files.list(candidates)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }
}
