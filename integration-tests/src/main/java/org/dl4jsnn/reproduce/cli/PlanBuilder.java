package org.dl4jsnn.reproduce.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dl4jsnn.reproduce.CheckpointStore;
import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.LearningRateSearch;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.Preset;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.TaskRegistry;
import org.dl4jsnn.reproduce.TaskRunner;
import org.dl4jsnn.reproduce.json.JsonFormatException;
import org.dl4jsnn.reproduce.json.SettingsJson;
import org.dl4jsnn.reproduce.run.TaskPlan;
import org.dl4jsnn.reproduce.store.CorruptStateException;
import org.dl4jsnn.reproduce.store.OutputFolder;
import org.dl4jsnn.reproduce.store.WritableFolderCheck;
import org.dl4jsnn.estimator.DirectionDistribution;
import org.dl4jsnn.reproduce.GradientKind;
import org.dl4jsnn.reproduce.choice.TrainingChoices;

/**
 * Checks a {@code reproduce} command line completely, for every task it names, before anything is
 * written: a rejected command leaves the file system as it was.
 */
final class PlanBuilder {

    static final Path DEFAULT_ROOT = Path.of("runs");

    private final TaskRegistry registry;
    private final SettingsJson settingsJson = new SettingsJson();

    PlanBuilder(TaskRegistry registry) {
        this.registry = registry;
    }

    /** @throws InvalidOptionException naming the first option that cannot be used */
    List<TaskPlan> build(ReproduceOptions o, String commandLine) {
        List<TaskRunner> runners = runners(o.task());
        int directions = o.directions() == null ? 1 : o.directions();
        if (directions < 1) {
            throw new InvalidOptionException("--directions", "K must be >= 1, got " + directions);
        }
        positive("--iterations", o.iterations());
        positive("--batch", o.batch());
        positive("--eval-every", o.evalEvery());
        if (o.lr() != null && (!(o.lr() > 0) || !Double.isFinite(o.lr()))) {
            throw new InvalidOptionException("--lr", "must be a finite number > 0, got " + o.lr());
        }
        positive("--select-iterations", o.selectIterations());
        if (o.selectLr() != null && o.lr() != null) {
            throw new InvalidOptionException("--lr/--select-lr", "--lr fixes the learning rate, --select-lr chooses"
                    + " it on a validation fold; give one of them");
        }
        if (o.selectIterations() != null && o.selectLr() == null && !o.resume()) {
            throw new InvalidOptionException("--select-iterations", "only applies with --select-lr");
        }
        if (o.resume() && o.force()) {
            throw new InvalidOptionException("--resume/--force", "choose one: --resume continues the runs in"
                    + " --out, --force discards them");
        }
        List<MethodSpec> requested = o.methods() == null ? null : methods(o.methods(), directions);
        List<Long> seeds = seeds(o.seeds());

        List<TaskPlan> plans = new ArrayList<>();
        for (TaskRunner runner : runners) {
            List<MethodSpec> methods = requested != null ? requested : defaultMethods(runner, directions);
            OutputFolder out = new OutputFolder(outFolder(o, runner.task()));
            WritableFolderCheck.problem(out.root()).ifPresent(p -> {
                throw new InvalidOptionException("--out", p);
            });
            if (o.resume() && !Files.isDirectory(out.root())) {
                throw new InvalidOptionException("--resume", "nothing to resume: " + out.root() + " does not exist;"
                        + " drop --resume to start a new reproduction there");
            }
            SettingsJson.Recorded recorded = o.resume() ? recorded(out) : null;
            if (!o.resume() && !o.force()) {
                List<String> state = out.existingState();
                if (!state.isEmpty()) {
                    throw new InvalidOptionException("--out", out.root() + " already holds results of an earlier"
                            + " reproduction (" + String.join(", ", state) + "); pass --resume to continue it,"
                            + " --force to replace it, or choose another --out");
                }
            }
            Preset preset = preset(o, recorded, runner.task());
            RunSettings settings = settings(o, runner, preset, recorded);
            requireCurrentDistribution(methods, settings);
            requireActivityMethod(methods, o.choices());
            requireLocalHeads(methods, runner);
            LearningRateSearch search = lrSearch(o, runner, preset, settings, recorded);
            requireBatchFits(runner, settings, search);
            plans.add(new TaskPlan(runner, methods, seeds, preset, settings, search, out, o.resume(), o.force(),
                    commandLine, o.checkpointEvery() != null ? o.checkpointEvery() : CheckpointStore.DEFAULT_INTERVAL));
        }
        requireDistinctFolders(plans);
        return plans;
    }

    /** -LL methods and RFG-LG (guided by the local heads) need a task whose networks can carry local heads. */
    private static void requireLocalHeads(List<MethodSpec> methods, TaskRunner runner) {
        if (runner.supportsLocalLosses()) {
            return;
        }
        for (MethodSpec m : methods) {
            if (m.localLosses()) {
                throw new InvalidOptionException("--methods", m.label() + ": task " + runner.task() + " has no local"
                        + " heads (local losses), which " + (m.gradient().needsLocalHeads() ? m.gradient().label()
                        + " is guided by" : "-LL trains") + "; use a method without -LL or RFG-LG");
            }
        }
    }

    /** --activity-layers is a choice of RFG-A; without an RFG-A method it would do nothing. */
    private static void requireActivityMethod(List<MethodSpec> methods, ChoiceOptions given) {
        if (!hasActivityMethod(methods) && given.activityLayers() != null) {
            throw new InvalidOptionException("--activity-layers", "chooses the layers of RFG-A (activity"
                    + " perturbation); --methods has no RFG-A method, e.g. SG-RFG-A");
        }
    }

    /** Activity perturbation draws u entry by entry: Rademacher or Gaussian, not orthogonal. */
    private static void requireCurrentDistribution(List<MethodSpec> methods, RunSettings settings) {
        if (hasActivityMethod(methods)
                && TrainingChoices.of(settings).directions() == DirectionDistribution.ORTHOGONAL) {
            throw new InvalidOptionException("--rfg-directions", "RFG-A (activity perturbation) draws its current"
                    + " directions from rademacher or gaussian, not orthogonal");
        }
    }

    private static boolean hasActivityMethod(List<MethodSpec> methods) {
        return methods.stream().anyMatch(m -> m.gradient() == GradientKind.RFG_A);
    }

    private List<TaskRunner> runners(String task) {
        if (task == null) {
            throw new InvalidOptionException("<task>", "missing; allowed: " + allowedTasks());
        }
        String name = task.trim().toLowerCase(Locale.ROOT);
        if (TaskRegistry.ALL.equals(name)) {
            if (registry.runners().isEmpty()) {
                throw new InvalidOptionException("<task>", "no tasks are registered");
            }
            return registry.runners();
        }
        return List.of(registry.find(name).orElseThrow(() -> new InvalidOptionException("<task>",
                "unknown task '" + task + "'; allowed: " + allowedTasks())));
    }

    private String allowedTasks() {
        return String.join(", ", registry.acceptedTaskNames());
    }

    private static List<MethodSpec> methods(List<String> labels, int directions) {
        Set<MethodSpec> unique = new LinkedHashSet<>();
        for (String label : labels) {
            MethodSpec m;
            try {
                m = MethodSpec.parse(label, directions);
            } catch (IllegalArgumentException e) {
                throw new InvalidOptionException("--methods", e.getMessage());
            }
            if (!unique.add(m)) {
                throw new InvalidOptionException("--methods", "method " + m.label() + " is listed twice");
            }
        }
        if (unique.isEmpty()) {
            throw new InvalidOptionException("--methods", "no method given; valid forms: " + MethodSpec.VALID_FORMS);
        }
        return List.copyOf(unique);
    }

    /** The runner's methods with --directions applied to the forward-gradient ones. */
    private static List<MethodSpec> defaultMethods(TaskRunner runner, int directions) {
        List<MethodSpec> out = new ArrayList<>();
        for (MethodSpec m : runner.defaultMethods()) {
            out.add(m.gradient().isForwardGradient() && m.directions() == 1
                    ? new MethodSpec(m.surrogate(), m.gradient(), m.localLosses(), directions) : m);
        }
        if (out.isEmpty()) {
            throw new InvalidOptionException("--methods", "task " + runner.task() + " has no default methods; list them");
        }
        return List.copyOf(new LinkedHashSet<>(out));
    }

    private static List<Long> seeds(List<Long> seeds) {
        if (seeds == null) {
            return List.of(0L);
        }
        if (seeds.isEmpty()) {
            throw new InvalidOptionException("--seeds", "no seed given");
        }
        Set<Long> seen = new HashSet<>();
        for (Long s : seeds) {
            Objects.requireNonNull(s, "seed");
            if (!seen.add(s)) {
                throw new InvalidOptionException("--seeds", "seed " + s + " is listed twice");
            }
        }
        return List.copyOf(seeds);
    }

    private static Path outFolder(ReproduceOptions o, String task) {
        boolean all = TaskRegistry.ALL.equalsIgnoreCase(o.task().trim());
        if (o.out() == null) {
            return DEFAULT_ROOT.resolve(task);
        }
        return all ? o.out().resolve(task) : o.out();
    }

    private SettingsJson.Recorded recorded(OutputFolder out) {
        Path file = out.settingsJson();
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return settingsJson.read(Files.readAllBytes(file));
        } catch (JsonFormatException e) {
            throw new CorruptStateException(file, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Preset preset(ReproduceOptions o, SettingsJson.Recorded recorded, String task) {
        if (recorded == null) {
            return o.preset() != null ? o.preset() : Preset.FAST;
        }
        if (!recorded.task().equals(task)) {
            throw new InvalidOptionException("--out", "holds a reproduction of task '" + recorded.task()
                    + "', not '" + task + "'");
        }
        if (o.preset() != null && o.preset() != recorded.preset()) {
            throw new InvalidOptionException("--preset", "--resume continues with the recorded preset "
                    + recorded.preset().cliName() + "; drop --preset " + o.preset().cliName() + " or use --force");
        }
        return recorded.preset();
    }

    /**
     * Fresh: the preset's defaults with the overrides. Resumed: the recorded settings, which the
     * overrides must not contradict, so resumed runs finish as the interrupted ones would have.
     */
    private static RunSettings settings(ReproduceOptions o, TaskRunner runner, Preset preset,
                                        SettingsJson.Recorded recorded) {
        if (recorded == null) {
            RunSettings defaults = runner.defaults(preset);
            RunSettings given;
            try {
                given = defaults.withOverrides(o.iterations(), o.batch(), o.lr(), o.evalEvery());
            } catch (IllegalArgumentException e) {
                throw new InvalidOptionException("--iterations/--batch/--lr/--eval-every", e.getMessage());
            }
            return given.withExtra(o.choices().entries(runner.task(), defaults));
        }
        RunSettings r = recorded.settings();
        for (Map.Entry<String, String> e : o.choices().entries(runner.task(), runner.defaults(preset)).entrySet()) {
            String was = ChoiceOptions.recordedValue(r, e.getKey());
            if (!e.getValue().equals(was)) {
                String option = ChoiceOptions.OPTION.get(e.getKey());
                throw new InvalidOptionException(option, "--resume continues with the recorded " + e.getKey()
                        + " '" + was + "', not '" + e.getValue() + "'; drop " + option + " or use --force to start"
                        + " over");
            }
        }
        differs("--iterations", o.iterations(), r.iterations());
        differs("--batch", o.batch(), r.batch());
        differs("--lr", o.lr(), r.lr());
        differs("--eval-every", o.evalEvery(), r.evalEvery());
        return r;
    }

    /**
     * Fresh: from --select-lr and --select-iterations (default: the run's iterations); with neither
     * nor --lr, the paper preset searches as its task says. Resumed: the recorded search, which the
     * options must not contradict.
     */
    private static LearningRateSearch lrSearch(ReproduceOptions o, TaskRunner runner, Preset preset,
                                               RunSettings settings, SettingsJson.Recorded recorded) {
        if (recorded != null) {
            LearningRateSearch r = recorded.lrSearch();
            if (r == null) {
                if (o.selectLr() != null || o.selectIterations() != null) {
                    throw new InvalidOptionException("--select-lr", "--resume continues a reproduction whose"
                            + " learning rate was given, not searched; drop --select-lr or use --force");
                }
                return null;
            }
            if (o.selectLr() != null && !o.selectLr().equals(r.candidates())) {
                throw new InvalidOptionException("--select-lr", "--resume continues with the recorded candidates "
                        + r.candidates() + ", not " + o.selectLr() + "; drop --select-lr or use --force");
            }
            differs("--select-iterations", o.selectIterations(), r.iterations());
            return r;
        }
        if (o.selectLr() == null) {
            boolean paperDefault = preset == Preset.PAPER && o.lr() == null;
            return paperDefault ? runner.paperLrSearch(settings) : null;
        }
        try {
            return new LearningRateSearch(o.selectLr(),
                    o.selectIterations() != null ? o.selectIterations() : settings.iterations());
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException("--select-lr", e.getMessage());
        }
    }

    private static void differs(String option, Number given, Number recorded) {
        if (given != null && !given.equals(recorded)) {
            throw new InvalidOptionException(option, "--resume continues with the recorded value " + recorded
                    + ", not " + given + "; drop " + option + " or use --force to start over");
        }
    }

    /** A batch larger than the rows it is drawn from would be recorded as a size that never ran. */
    private static void requireBatchFits(TaskRunner runner, RunSettings settings, LearningRateSearch search) {
        int rows = runner.trainingRows(EvaluationSplit.TEST);
        if (settings.batch() > rows) {
            throw new InvalidOptionException("--batch", "task " + runner.task() + " trains on " + rows
                    + " rows; a batch of " + settings.batch() + " cannot be drawn from them; give at most " + rows);
        }
        int trialRows = runner.trainingRows(EvaluationSplit.VALIDATION);
        if (search != null && settings.batch() > trialRows) {
            throw new InvalidOptionException("--batch", "the learning-rate trials of task " + runner.task()
                    + " train on " + trialRows + " rows (the validation fold held out); a batch of "
                    + settings.batch() + " cannot be drawn from them; give at most " + trialRows);
        }
    }

    private static void positive(String option, Integer value) {
        if (value != null && value <= 0) {
            throw new InvalidOptionException(option, "must be > 0, got " + value);
        }
    }

    private static void requireDistinctFolders(List<TaskPlan> plans) {
        Set<Path> seen = new HashSet<>();
        for (TaskPlan p : plans) {
            if (!seen.add(p.out().root())) {
                throw new InvalidOptionException("--out", "two tasks would write to " + p.out().root());
            }
        }
    }
}
