package org.dl4jsnn.reproduce.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.dl4jsnn.bench.BenchResult;
import org.dl4jsnn.bench.IterationBenchmark;
import org.dl4jsnn.bench.PeakGemm;
import org.dl4jsnn.reproduce.BenchRow;
import org.dl4jsnn.reproduce.BenchSettings;
import org.dl4jsnn.reproduce.BenchmarkRunner;

/**
 * The {@code bench} command's runner: {@link IterationBenchmark} on the Mexican-hat net. BP, RFG-G at
 * every requested K, and RFG-L at the smallest requested K (layer-wise perturbation already stacks one
 * direction per layer; its K sweep would multiply the longest runs). A configuration that ran out of
 * memory comes back with NaN costs.
 */
public final class IterationBenchmarkRunner implements BenchmarkRunner {

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
        for (BenchResult r : new IterationBenchmark(log, s.threads()).run(config)) {
            rows.add(toRow(r));
        }
        if (s.wsg()) {
            // WSG beside SG: BP and RFG-L at the smallest K, the rows its cost ratio is stated for
            for (BenchResult r : new IterationBenchmark(log, s.threads()).run(config.withDirections(List.of(), List.of(smallest))
                    .withStein())) {
                if (!r.method().equals("WSG-FWD")) {
                    rows.add(toRow(r));
                }
            }
        }
        return rows;
    }

    /** RFG-G at the largest K and batch: the stacked tangents of every neuron of the bench net. */
    @Override
    public long largestIterationHeapBytes(BenchSettings s) {
        long neurons = java.util.Arrays.stream(IterationBenchmark.WIDTHS).skip(1).sum();
        int k = s.directions().stream().mapToInt(Integer::intValue).max().orElse(1);
        int batch = s.batches().stream().mapToInt(Integer::intValue).max().orElse(1);
        return SweepMemory.bytes(neurons, k, batch);
    }

    public static BenchRow toRow(BenchResult r) {
        return new BenchRow(r.method(), r.batch(), r.timeSteps(), r.directions(), nonNegative(r.msPerIter()),
                nonNegative(r.mflop()), nonNegative(r.peakMemMb()),
                r.spikeRate() >= 0 && r.spikeRate() <= 1 ? r.spikeRate() : Double.NaN, nonNegative(r.cpuMsPerIter()));
    }

    private static double nonNegative(double v) {
        return Double.isFinite(v) && v >= 0 ? v : Double.NaN;
    }
}
