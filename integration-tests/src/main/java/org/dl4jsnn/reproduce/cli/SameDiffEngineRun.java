package org.dl4jsnn.reproduce.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dl4jsnn.reproduce.GradientKind;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.choice.ParameterAveraging;
import org.dl4jsnn.reproduce.choice.TrainingChoices;
import org.dl4jsnn.reproduce.run.TaskPlan;
import org.dl4jsnn.reproduce.store.AtomicFiles;
import org.dl4jsnn.reproduce.tasks.EngineComparison;

/**
 * {@code reproduce --engine samediff}: trains each RFG method by the DL4J engine and by the SameDiff engine
 * from the same start and writes their cost and error side by side to {@value #REPORT} in --out.
 */
final class SameDiffEngineRun {

    static final String REPORT = "samediff-engine.md";

    private final List<TaskPlan> plans;
    private final List<EngineComparison> comparisons = new ArrayList<>();
    private final List<List<MethodSpec>> methods = new ArrayList<>();

    /**
     * Checks everything before any training.
     *
     * @param methodsGiven whether --methods was given; if not, the task's BP methods are left out
     * @throws InvalidOptionException naming the option the SameDiff engine cannot honour
     */
    SameDiffEngineRun(List<TaskPlan> plans, boolean methodsGiven) {
        this.plans = List.copyOf(plans);
        for (TaskPlan plan : plans) {
            if (plan.resume()) {
                throw new InvalidOptionException("--resume", "the SameDiff engine comparison keeps no checkpoints");
            }
            if (plan.lrSearch() != null) {
                throw new InvalidOptionException("--engine samediff", "trains at one learning rate: give --lr"
                        + " instead of a learning-rate search");
            }
            if (!TrainingChoices.of(plan.settings()).averaging().equals(ParameterAveraging.NONE)) {
                throw new InvalidOptionException("--param-average", "the SameDiff engine comparison compares the two"
                        + " engines' last iterates; drop --param-average");
            }
            try {
                comparisons.add(EngineComparison.of(plan.runner()));
            } catch (IllegalArgumentException e) {
                throw new InvalidOptionException("--engine samediff", e.getMessage());
            }
            List<MethodSpec> rfg = new ArrayList<>();
            for (MethodSpec m : plan.methods()) {
                boolean supported = m.gradient().isForwardGradient() && m.gradient() != GradientKind.RFG_A
                        && !m.localLosses();
                if (!supported && methodsGiven) {
                    throw new InvalidOptionException("--methods", "the SameDiff engine trains RFG-G and RFG-L"
                            + " without local losses (e.g. SG-RFG-G, WSG-RFG-L, SG-RFG-GxK4), not " + m.label());
                }
                if (supported) {
                    rfg.add(m);
                }
            }
            methods.add(rfg);
        }
    }

    int execute(PrintWriter out) {
        for (int p = 0; p < plans.size(); p++) {
            TaskPlan plan = plans.get(p);
            List<EngineComparison.Row> rows = new ArrayList<>();
            for (MethodSpec method : methods.get(p)) {
                for (long seed : plan.seeds()) {
                    rows.addAll(comparisons.get(p).compare(plan.settings(), method, seed));
                }
            }
            String report = markdown(plan, rows);
            AtomicFiles.write(plan.out().root().resolve(REPORT), report.getBytes(StandardCharsets.UTF_8));
            out.print(report);
            out.println(plan.task() + ": written to " + plan.out().root().resolve(REPORT));
            out.flush();
        }
        return ExitCodes.OK;
    }

    static String markdown(TaskPlan plan, List<EngineComparison.Row> rows) {
        RunSettings s = plan.settings();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(plan.task()).append(": DL4J engine and SameDiff engine\n\n");
        md.append("`").append(plan.commandLine()).append("`\n\n");
        md.append(String.format(Locale.ROOT, "%d iterations, batch %d, Adam lr %s; both engines start from the same"
                + " weights and see the same minibatches and RFG directions. Time: training only, per iteration;"
                + " error: relative L2 on the test set.%n%n", s.iterations(), s.batch(), s.lr()));
        md.append("| method | seed | engine | ms/iteration | test error | time x DL4J |\n");
        md.append("| --- | --- | --- | --- | --- | --- |\n");
        double dl4jMs = Double.NaN;
        for (EngineComparison.Row r : rows) {
            if (r.engine().equals("dl4j")) {
                dl4jMs = r.msPerIteration();
            }
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %.1f | %.4f | %.2f |%n", r.method(), r.seed(),
                    r.engine(), r.msPerIteration(), r.testError(), r.msPerIteration() / dl4jMs));
        }
        return md.toString();
    }
}
