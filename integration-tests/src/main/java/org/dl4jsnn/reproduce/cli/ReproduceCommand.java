package org.dl4jsnn.reproduce.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.Preset;
import org.dl4jsnn.reproduce.TaskRegistry;
import org.dl4jsnn.reproduce.progress.ProgressStyle;
import org.dl4jsnn.reproduce.run.TaskPlan;
import org.dl4jsnn.reproduce.run.TaskReproduction;
import picocli.CommandLine.Command;
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
            description = "fast: minutes, a first look (default); paper: the scale of the paper's results.")
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

    @Option(names = "--progress", paramLabel = "auto|bar|lines|none", defaultValue = "auto",
            description = "Progress display: a bar on a terminal, periodic lines otherwise (default auto).")
    ProgressStyle progress;

    private final TaskRegistry registry;
    private final String commandLine;

    ReproduceCommand(TaskRegistry registry, String commandLine) {
        this.registry = registry;
        this.commandLine = commandLine;
    }

    @Override
    public Integer call() {
        List<TaskPlan> plans;
        try {
            plans = new PlanBuilder(registry).build(new ReproduceOptions(task, methods, directions, seeds, preset,
                    iterations, batch, lr, evalEvery, selectLr, selectIterations, out, resume, force,
                    new ChoiceOptions(schedule, init, resetGradient, rfgGroups, rfgDirections, grfLengthScale)),
                    commandLine);
        } catch (InvalidOptionException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TaskReproduction reproduction = new TaskReproduction(() -> progress.create(err));
        for (TaskPlan plan : plans) {
            reproduction.execute(plan);
            stdout.println(plan.task() + ": report written to " + plan.out().reportMd());
            stdout.flush();
        }
        return ExitCodes.OK;
    }
}
