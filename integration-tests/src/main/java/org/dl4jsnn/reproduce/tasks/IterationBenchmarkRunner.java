package org.dl4jsnn.reproduce.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.dl4jsnn.bench.BenchMethod;
import org.dl4jsnn.bench.BenchResult;
import org.dl4jsnn.bench.IterationBenchmark;
import org.dl4jsnn.bench.OperatorBenchmark;
import org.dl4jsnn.bench.OperatorWorkload;
import org.dl4jsnn.bench.PeakGemm;
import org.dl4jsnn.data.PoissonDataset;
import org.dl4jsnn.reproduce.BenchRow;
import org.dl4jsnn.reproduce.BenchSettings;
import org.dl4jsnn.reproduce.BenchmarkRunner;

/**
 * The {@code bench} command's runner: {@link IterationBenchmark} on the Mexican-hat net, and
 * {@link OperatorBenchmark} on the operator networks the settings name (the Poisson DeepONet at the task's
 * batch of {@value #DEEPONET_TASK_BATCH} function-point pairs and at all 800 x 100 pairs, the
 * diffusion-reaction SepONet at the task's {@value #SEPONET_TASK_BATCH} functions of the 101 x 101 grid:
 * FWD, BP, RFG-G and RFG-L at the smallest requested K, WSG-BP and WSG-RFG-L beside them with WSG, at the
 * tasks' batches only).
 * For the Mexican hat: BP, RFG-G at
 * every requested K, and RFG-L and RFG-A (activity perturbation) at the smallest requested K (layer-wise
 * perturbation already stacks one direction per layer; its K sweep would multiply the longest runs). A configuration that ran out of
 * memory comes back with NaN costs.
 */
public final class IterationBenchmarkRunner implements BenchmarkRunner {

    /** The Poisson task's minibatch of function-point pairs. */
    public static final int DEEPONET_TASK_BATCH = 1000;
    /** The diffusion-reaction task's minibatch of functions. */
    public static final int SEPONET_TASK_BATCH = 20;

    private final Consumer<String> log;

    public IterationBenchmarkRunner(Consumer<String> log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    public IterationBenchmarkRunner() {
        this(System.err::println);
    }

    @Override
    public List<BenchRow> run(BenchSettings s) {
        List<Integer> ks = new ArrayList<>(s.directions());
        int smallest = ks.stream().mapToInt(Integer::intValue).min().orElse(1);
        IterationBenchmark.Config defaults = IterationBenchmark.Config.defaults();
        IterationBenchmark.Config config = defaults
                .withSizes(s.batches(), s.timeSteps())
                .withDirections(ks, List.of(smallest))
                .withIterations(s.warmup(), Math.min(defaults.minIterations(), s.iterations()), s.iterations(),
                        defaults.budgetSeconds());
        List<BenchRow> rows = new ArrayList<>();
        rows.add(PeakGemm.measure(log));
        if (s.measures(BenchSettings.MEXICAN_HAT)) {
            mexicanHat(s, config, smallest, rows);
        }
        List<OperatorWorkload> operators = operatorWorkloads(s, config.seed());
        if (!operators.isEmpty()) {
            List<BenchMethod> methods = List.of(BenchMethod.forward(), BenchMethod.bp(),
                    BenchMethod.global(smallest), BenchMethod.layerwise(smallest));
            List<BenchMethod> wsg = List.of(BenchMethod.bp().withStein(), BenchMethod.layerwise(smallest).withStein());
            OperatorBenchmark bench = new OperatorBenchmark(log);
            for (OperatorWorkload w : operators) {
                for (BenchResult r : bench.run(List.of(w), methods, config)) {
                    rows.add(toRow(r));
                }
                // WSG at the tasks' batches: at 80,000 pairs one WSG-BP iteration would take minutes
                if (s.wsg() && w.batch() <= DEEPONET_TASK_BATCH) {
                    for (BenchResult r : bench.run(List.of(w), wsg, config)) {
                        rows.add(toRow(r));
                    }
                }
            }
        }
        return rows;
    }

    /** The operator networks' workloads on the tasks' cached data, in the order the bench measures them. */
    static List<OperatorWorkload> operatorWorkloads(BenchSettings s, long seed) {
        List<OperatorWorkload> w = new ArrayList<>();
        if (s.measures(BenchSettings.POISSON_DEEPONET)) {
            w.add(OperatorWorkload.poissonDeepOnet(DEEPONET_TASK_BATCH, seed, BaseTask.cache()));
            w.add(OperatorWorkload.poissonDeepOnet(PoissonDataset.Config.defaults().trainSize()
                    * PoissonDataset.Config.defaults().sensors(), seed, BaseTask.cache()));
        }
        if (s.measures(BenchSettings.DIFFUSION_REACTION_SEPONET)) {
            w.add(OperatorWorkload.diffusionReactionSepOnet(SEPONET_TASK_BATCH, seed, BaseTask.cache()));
        }
        return w;
    }

    private void mexicanHat(BenchSettings s, IterationBenchmark.Config config, int smallest, List<BenchRow> rows) {
        for (BenchResult r : new IterationBenchmark(log, s.threads()).run(config)) {
            rows.add(toRow(r));
        }
        if (s.wsg()) {
            // WSG beside SG: BP, RFG-L and RFG-A at the smallest K, the rows its cost ratio is stated for
            for (BenchResult r : new IterationBenchmark(log, s.threads()).run(config.withDirections(List.of(), List.of(smallest))
                    .withStein())) {
                if (!r.method().equals("WSG-FWD")) {
                    rows.add(toRow(r));
                }
            }
        }
    }

    /** RFG-G at the largest K and batch: the stacked tangents of every neuron of the bench net. */
    @Override
    public long largestIterationHeapBytes(BenchSettings s) {
        long neurons = Arrays.stream(IterationBenchmark.WIDTHS).skip(1).sum();
        int k = s.directions().stream().mapToInt(Integer::intValue).max().orElse(1);
        int batch = s.batches().stream().mapToInt(Integer::intValue).max().orElse(1);
        return SweepMemory.bytes(neurons, k, batch);
    }

    public static BenchRow toRow(BenchResult r) {
        return new BenchRow(r.net(), r.method(), r.batch(), r.timeSteps(), r.directions(), nonNegative(r.msPerIter()),
                nonNegative(r.mflop()), nonNegative(r.peakMemMb()),
                r.spikeRate() >= 0 && r.spikeRate() <= 1 ? r.spikeRate() : Double.NaN, nonNegative(r.cpuMsPerIter()));
    }

    private static double nonNegative(double v) {
        return Double.isFinite(v) && v >= 0 ? v : Double.NaN;
    }
}
