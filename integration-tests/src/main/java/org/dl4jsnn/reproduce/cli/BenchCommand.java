package org.dl4jsnn.reproduce.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.dl4jsnn.reproduce.BenchRow;
import org.dl4jsnn.reproduce.BenchSettings;
import org.dl4jsnn.reproduce.BenchmarkRunner;
import org.dl4jsnn.reproduce.InsufficientMemoryException;
import org.dl4jsnn.reproduce.TaskRegistry;
import org.dl4jsnn.reproduce.bench.BenchTable;
import org.dl4jsnn.reproduce.json.BenchJson;
import org.dl4jsnn.reproduce.store.AtomicFiles;
import org.dl4jsnn.reproduce.store.WritableFolderCheck;
import org.dl4jsnn.reproduce.store.WriteProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dl4j-snn bench}: cost per training iteration of BP and the RFG variants, side by side. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure time, MFLOP and peak memory per iteration of BP, RFG-G, RFG-L, RFG-A and K"
                + " directions (RFG-L and RFG-A at the smallest K);"
                + " print a table and write bench.json into --out (replacing an earlier bench.json). The default"
                + " grid (batches 1000,10000 x T 32,512 x K 1,4,16) runs for about half an hour; give fewer"
                + " values for a quick look, e.g. --batches 1000 --time-steps 32 --directions 1. --nets adds the operator"
                + " networks at their tasks' sizes (about 8 more minutes; see --nets).")
final class BenchCommand implements Callable<Integer> {

    static final String BENCH_JSON = "bench.json";

    @Spec
    CommandSpec spec;

    @Option(names = "--batches", split = ",", paramLabel = "N", defaultValue = "1000,10000",
            description = "Comma list of batch sizes (default ${DEFAULT-VALUE}).")
    List<Integer> batches;

    @Option(names = "--time-steps", split = ",", paramLabel = "T", defaultValue = "32,512",
            description = "Comma list of time steps (default ${DEFAULT-VALUE}).")
    List<Integer> timeSteps;

    @Option(names = "--directions", split = ",", paramLabel = "K", defaultValue = "1,4,16",
            description = "Comma list of RFG direction counts (default ${DEFAULT-VALUE}).")
    List<Integer> directions;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10",
            description = "Untimed iterations first, at least (default ${DEFAULT-VALUE}); the Mexican-hat rows"
                    + " then warm up further until the iteration time settles (the medians of the last two 5"
                    + " iterations within 10%%), for at most a quarter of the row's time budget. 0: no warm-up.")
    int warmup;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "20",
            description = "Timed iterations (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--wsg", description = "Also measure BP, RFG-L and RFG-A with the WSG surrogate (N = 16)"
            + " beside SG (the operator nets: BP and RFG-L).")
    boolean wsg;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Threads over each minibatch (default ${DEFAULT-VALUE}); the results are the same bit for"
                    + " bit for any N, only the time changes. With N > 1 the cpu column is n/a and GFLOP/s comes"
                    + " from wall time.")
    int threads;

    @Option(names = "--nets", split = ",", paramLabel = "NET", defaultValue = "mexican-hat",
            description = "Comma list of networks: mexican-hat, poisson-deeponet, diffusion-reaction-seponet (default"
                    + " ${DEFAULT-VALUE}, so the default bench is the Mexican-hat grid alone). --batches and --time-steps"
                    + " apply to the Mexican hat; the operator nets run at their tasks' sizes on the tasks' cached data,"
                    + " T = 32: the Poisson DeepONet at 1000 function-point pairs and at all 800 x 100 = 80000 pairs"
                    + " (both towers evaluate every pair), the SepONet at 20 functions x 101 x 101 grid points; FWD, BP,"
                    + " RFG-G and RFG-L (no RFG-A) at the smallest --directions value (WSG-BP and WSG-RFG-L with --wsg, not"
                    + " at 80000"
                    + " pairs). The two operator nets add about 8 minutes, most of it the 80000-pair rows (BP there"
                    + " holds about 9 GB: raise DL4J_SNN_XMX if it runs out of memory).")
    List<String> nets;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/bench",
            description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;

    private final TaskRegistry registry;
    private final BenchJson benchJson = new BenchJson();

    BenchCommand(TaskRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        BenchSettings settings = validSettings();
        BenchmarkRunner runner = registry.benchmark().orElse(null);
        if (runner == null) {
            spec.commandLine().getErr().println("dl4j-snn: error: no benchmark is built into this jar");
            return ExitCodes.FAILURE;
        }
        long needed = runner.largestIterationHeapBytes(settings);
        if (needed > Runtime.getRuntime().maxMemory()) {
            throw new ParameterException(spec.commandLine(), "--directions/--batches: "
                    + new InsufficientMemoryException("RFG-G at K = " + Collections.max(directions)
                            + ", batch " + Collections.max(batches), needed, Runtime.getRuntime().maxMemory(),
                            "lower --directions or --batches").getMessage());
        }
        // written into before the work: a folder that refuses the results must not cost the measurements
        WritableFolderCheck.problem(out).or(() -> WriteProbe.problem(out)).ifPresent(p -> {
            throw new ParameterException(spec.commandLine(), "--out: " + p);
        });
        PrintWriter stdout = spec.commandLine().getOut();
        List<BenchRow> rows = runner.run(settings);
        stdout.print(BenchTable.render(rows));
        Path file = out.resolve(BENCH_JSON).toAbsolutePath();
        AtomicFiles.write(file, benchJson.write(rows));
        stdout.println("wrote " + file);
        stdout.flush();
        return ExitCodes.OK;
    }

    private BenchSettings validSettings() {
        allPositive("--batches", batches);
        allPositive("--time-steps", timeSteps);
        allPositive("--directions", directions);
        if (warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--warmup: must be >= 0, got " + warmup);
        }
        if (iterations <= 0) {
            throw new ParameterException(spec.commandLine(), "--iterations: must be > 0, got " + iterations);
        }
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads: must be >= 1, got " + threads);
        }
        if (nets == null || nets.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--nets: give at least one of " + BenchSettings.NETS);
        }
        for (String n : nets) {
            if (!BenchSettings.NETS.contains(n)) {
                throw new ParameterException(spec.commandLine(), "--nets: unknown net '" + n + "'; choose from "
                        + String.join(", ", BenchSettings.NETS));
            }
        }
        return new BenchSettings(batches, timeSteps, directions, warmup, iterations, wsg, threads, nets);
    }

    private void allPositive(String option, List<Integer> values) {
        if (values == null || values.isEmpty()) {
            throw new ParameterException(spec.commandLine(), option + ": give at least one value");
        }
        for (Integer v : values) {
            if (v == null || v <= 0) {
                throw new ParameterException(spec.commandLine(), option + ": values must be > 0, got " + values);
            }
        }
    }
}
