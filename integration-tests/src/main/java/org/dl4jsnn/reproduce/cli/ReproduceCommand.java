package org.dl4jsnn.reproduce.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dl4jsnn.parallel.BatchChunks;
import org.dl4jsnn.parallel.BatchThreads;
import org.dl4jsnn.reproduce.DistributedTrainers;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.Preset;
import org.dl4jsnn.reproduce.TaskRegistry;
import org.dl4jsnn.reproduce.progress.ProgressStyle;
import org.dl4jsnn.reproduce.run.RunExport;
import org.dl4jsnn.reproduce.run.TaskPlan;
import org.dl4jsnn.reproduce.run.TaskReproduction;
import org.dl4jsnn.reproduce.ui.TrainingUi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dl4j-snn reproduce <task>}: trains every (method, seed) and writes the report. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train the methods of a task (or of all tasks) and write report.md, plots/ and"
                + " results.json into --out.")
final class ReproduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<task>", description = "The task, or 'all' (see the list below).")
    String task;

    @Option(names = "--methods", split = ",", paramLabel = "METHOD",
            description = "Comma list of methods (default: the task's paper set). Form: " + MethodSpec.VALID_FORMS)
    List<String> methods;

    @Option(names = "--directions", paramLabel = "K",
            description = "Random directions averaged per step by RFG methods without an xK suffix (default 1).")
    Integer directions;

    @Option(names = "--seeds", split = ",", paramLabel = "SEED", description = "Comma list of seeds (default 0).")
    List<Long> seeds;

    @Option(names = "--preset", paramLabel = "fast|paper",
            description = "fast: a first look in minutes (default); paper: the scale of the paper's results, each"
                    + " method's learning rate chosen on a validation fold first (hours). What each sets per task"
                    + " is listed below.")
    Preset preset;

    @Option(names = "--iterations", paramLabel = "N", description = "Override the preset's training iterations.")
    Integer iterations;

    @Option(names = "--batch", paramLabel = "N", description = "Override the preset's batch size.")
    Integer batch;

    @Option(names = "--lr", paramLabel = "X", description = "Override the preset's learning rate.")
    Double lr;

    @Option(names = "--select-lr", split = ",", paramLabel = "X",
            description = "Choose each method's learning rate among these (comma list, at least two) by the lowest"
                    + " error on a validation fold held out of the training set; the test set is not used."
                    + " Excludes --lr.")
    List<Double> selectLr;

    @Option(names = "--select-iterations", paramLabel = "N",
            description = "Training iterations of each --select-lr trial (default: the run's iterations).")
    Integer selectIterations;

    @Option(names = "--eval-every", paramLabel = "N", description = "Override how often the test error is measured.")
    Integer evalEvery;

    @Option(names = "--schedule", paramLabel = "constant|step|cosine",
            description = "Learning-rate schedule: constant, step (lr/10 at 60%%, lr/100 at 85%%) or cosine"
                    + " (annealing to lr/100). Default: the preset's (step for paper, constant for fast).")
    String schedule;

    @Option(names = "--init", paramLabel = "xavier|fan-in-uniform",
            description = "Initial weights and biases: xavier (zero biases; default) or fan-in-uniform"
                    + " (U(-1/sqrt(fanIn), 1/sqrt(fanIn)) for weights and biases, as PyTorch's nn.Linear).")
    String init;

    @Option(names = "--reset-gradient", paramLabel = "MODE",
            description = "Whether the reset term carries the surrogate derivative: detached (default),"
                    + " differentiated, or per gradient kind, e.g. bp=detached,rfg=differentiated.")
    String resetGradient;

    @Option(names = "--rfg-groups", paramLabel = "GROUPS",
            description = "RFG-L groups: layer (the paper), output-bias (the output layer's bias in a group of its"
                    + " own; default for poisson-deeponet), neurons:N (layers split into groups of N neurons) or"
                    + " output-bias+neurons:N.")
    String rfgGroups;

    @Option(names = "--rfg-directions", paramLabel = "rademacher|gaussian|orthogonal",
            description = "Distribution of the RFG directions (default rademacher); orthogonal makes the K"
                    + " directions of a group mutually orthogonal.")
    String rfgDirections;

    @Option(names = "--activity-layers", paramLabel = "spiking|spiking+dense|affine",
            description = "Which layers RFG-A perturbs by activity: spiking (default; the dense layers are"
                    + " weight-perturbed as in RFG-L), spiking+dense (every dense layer by its pre-activation too)"
                    + " or affine (as spiking+dense, and a spiking layer driven by a static input gets one"
                    + " perturbation for all steps, since its current is the same at every step).")
    String activityLayers;

    @Option(names = "--param-average", paramLabel = "none|DECAY",
            description = "Evaluate, report and save an exponential moving average of the parameters (decay in"
                    + " (0, 1), e.g. 0.999: about the last 1,000 iterates) instead of the last iterate; training"
                    + " itself follows the live iterate. Default none.")
    String paramAverage;

    @Option(names = "--grf-length-scale", paramLabel = "X",
            description = "Length scale of the Gaussian random field of the diffusion-reaction source terms"
                    + " (default 1, the paper's; 0.2 is a rougher, harder family).")
    Double grfLengthScale;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default runs/<task>; with 'all', DIR/<task>).")
    Path out;

    @Option(names = "--resume", description = "Continue the reproduction in --out: skip finished runs, resume"
            + " interrupted ones from their checkpoints, keep the recorded preset and settings.")
    boolean resume;

    @Option(names = "--force", description = "Discard an earlier reproduction in --out (results, runs,"
            + " checkpoints, plots) and start over. Other files in --out are left alone.")
    boolean force;

    @Option(names = "--export", description = "Also export each newly trained network to Lava netx (.net) and NIR"
            + " (.nir) under --out/export/<run>/, with its model.zip (inputs bounded by |x| <= 3; see docs/export.md).")
    boolean export;

    @Option(names = "--checkpoint-every", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often a training run saves its state for --resume, e.g. 30s, 10m (default 2m; 0:"
                    + " every iteration). A run stopped by SIGTERM or Ctrl-C also saves at the end of its"
                    + " current iteration.")
    java.time.Duration checkpointEvery;

    @Option(names = "--engine", paramLabel = "dl4j|samediff", defaultValue = "dl4j",
            description = "dl4j (default): the reproduction and its report. samediff: train the RFG methods of"
                    + " mexican-hat by the SameDiff engine and by the DL4J engine from the same start, and write"
                    + " their ms/iteration and test errors side by side to " + SameDiffEngineRun.REPORT + ".")
    Engine engine;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Threads over each minibatch (default ${DEFAULT-VALUE}); results are the same bit for bit"
                    + " for any N. Minibatches of at most " + BatchChunks.SIZE + " examples run on one thread.")
    int threads;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Train data-parallel on Spark (barrier mode), e.g. local[2] or spark://host:7077; one"
                    + " replica per core of the master. Methods BP, RFG-G, RFG-L (without -LL). Needs module"
                    + " dl4j-rfg-spark built (" + DistributedTrainers.BUILD + ").")
    String spark;

    @Option(names = "--progress", paramLabel = "auto|bar|lines|none", defaultValue = "auto",
            description = "Progress display: a bar on a terminal, periodic lines otherwise (default auto).")
    ProgressStyle progress;

    @Mixin
    UiOption ui = new UiOption();

    private final TaskRegistry registry;
    private final String commandLine;

    private OutputLocks lock(List<TaskPlan> plans) {
        try {
            return OutputLocks.acquire(plans);
        } catch (InvalidOptionException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    ReproduceCommand(TaskRegistry registry, String commandLine) {
        this.registry = registry;
        this.commandLine = commandLine;
    }

    @Override
    public Integer call() {
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads: must be >= 1, got " + threads);
        }
        List<TaskPlan> plans;
        PrintWriter err = spec.commandLine().getErr();
        TrainingUi trainingUi = null;
        SameDiffEngineRun sameDiff = null;
        try {
            plans = new PlanBuilder(registry).build(new ReproduceOptions(task, methods, directions, seeds, preset,
                    iterations, batch, lr, evalEvery, selectLr, selectIterations, out, resume, force, checkpointEvery,
                    new ChoiceOptions(schedule, init, resetGradient, rfgGroups, rfgDirections, activityLayers,
                            paramAverage, grfLengthScale)),
                    commandLine);
            plans = SparkOption.apply(spark, engine, plans, Thread.currentThread().getContextClassLoader());
            if (engine == Engine.SAMEDIFF) {
                sameDiff = new SameDiffEngineRun(plans, methods != null);
            } else {
                trainingUi = ui.start(err);
            }
        } catch (InvalidOptionException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (sameDiff != null) {
            return sameDiff.execute(stdout);
        }
        if (export) {
            JhdfLogging.quiet();
        }
        List<String> diverged = new ArrayList<>();
        try (OutputLocks locks = lock(plans); BatchThreads pool = BatchThreads.of(threads)) {
            TaskReproduction reproduction = new TaskReproduction(ui.monitors(() -> progress.create(err), trainingUi),
                    export ? new RunExport(RunExport.INPUT_BOUND) : null, pool);
            for (TaskPlan plan : plans) {
                for (var run : reproduction.execute(plan)) {
                    if (run.hasDiverged()) {
                        diverged.add(plan.task() + " " + run.method() + " seed " + run.seed() + " "
                                + run.divergence());
                    }
                }
                stdout.println(plan.task() + ": report written to " + plan.out().reportMd());
                stdout.flush();
            }
        } catch (RuntimeException e) {
            if (trainingUi != null) {
                trainingUi.close();
            }
            throw e;
        }
        ui.finish(trainingUi, err);
        for (String d : diverged) {
            err.println("dl4j-snn: training " + d);
        }
        err.flush();
        return diverged.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
