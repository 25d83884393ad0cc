package org.dl4jsnn.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.data.MexicanHat;
import org.dl4jsnn.data.PointSamples;
import org.dl4jsnn.layer.SpikingLayers;
import org.dl4jsnn.parallel.BatchThreads;
import org.dl4jsnn.surrogate.Surrogate;
import org.dl4jsnn.train.RfgModel;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The per-iteration cost of BP and RFG side by side (docs/design.md section 6, the engine issue's benchmark): for
 * every batch, T and method it builds the Mexican-hat net (2-16-16-1 spiking MLP, SG surrogate s = 0.5,
 * Adam 1e-3, FLOAT), warms up, and times {@code net.fit(DataSet)} on one fixed minibatch.
 *
 * <p>Per row it reports
 * <ul>
 *   <li>ms per iteration: the median of the timed iterations (mean beside it). How many are timed
 *   adapts to a per-configuration budget, between {@code minIterations} and {@code iterations};</li>
 *   <li>MFLOP per iteration: the analytic count of {@link FlopCount} (formula there);</li>
 *   <li>peak memory: the live heap an iteration holds beyond the resting network and data, found by
 *   full collections sampled from a background thread during untimed probe iterations (see
 *   {@link HeapSampler} for why not pool peaks), plus ND4J's off-heap workspaces (their capacity after
 *   the iterations: DL4J sizes them to the largest need and keeps them). Other ND4J off-heap arrays of
 *   an iteration are small here (parameters, gradients, the minibatch are allocated at rest). The heap
 *   in use polled during the timed iterations (garbage included) and the bytes allocated per iteration
 *   are reported too;</li>
 *   <li>spike rate: fraction of neuron-steps that spike, from one inference pass after the iterations,
 *   and the synaptic operations an event-driven chip would do for the primal pass.</li>
 * </ul>
 *
 * <p>Run it on one core: {@code OMP_NUM_THREADS=1} before the JVM starts (ND4J's OpenMP pool is sized
 * at start-up; with two threads on a loaded 2-core machine single ops were 5-50x slower). {@code main}
 * also caps ND4J's threads at 1 and warns when the variable is not set. For example, from
 * {@code /work/main} after {@code mvn -o -q install -DskipTests}:
 * <pre>
 * mvn -o -q -pl integration-tests dependency:build-classpath -Dmdep.outputFile=cp.txt
 * OMP_NUM_THREADS=1 java -Xmx10g -cp integration-tests/target/classes:$(cat cp.txt) \
 *     org.dl4jsnn.bench.IterationBenchmark --out runs/bench/bench.json
 * </pre>
 */
public final class IterationBenchmark {

    /** The Mexican-hat net: 2 inputs, two spiking layers of 16, one linear output. */
    public static final int[] WIDTHS = {2, 16, 16, 1};
    public static final double SURROGATE_WIDTH = 0.5;
    public static final double LEARNING_RATE = 1e-3;

    private static final double MB = 1e6;

    /**
     * What to measure.
     *
     * @param globalDirections    K values of RFG-G (global perturbation)
     * @param layerwiseDirections K values of RFG-L (layer-wise) and of RFG-A (activity perturbation, the
     *                            same stacked directions); empty for none
     * @param warmup              untimed iterations before timing, at least; then more until the iteration
     *                            time settles ({@link WarmUp}), within a quarter of the budget (0: none)
     * @param iterations          at most this many timed iterations
     * @param minIterations       at least this many, whatever the budget
     * @param budgetSeconds       aim for about this much timed work per configuration
     * @param probeSamples        full-collection samples of the live heap per configuration (0: skip
     *                            the memory probe)
     */
    public record Config(List<Integer> batches, List<Integer> timeSteps, boolean includeBp,
                         List<Integer> globalDirections, List<Integer> layerwiseDirections, int warmup,
                         int iterations, int minIterations, double budgetSeconds, int probeSamples, long seed,
                         boolean stein) {

        public Config {
            batches = positive("batches", batches, false);
            timeSteps = positive("timeSteps", timeSteps, false);
            globalDirections = positive("globalDirections", globalDirections, true);
            layerwiseDirections = positive("layerwiseDirections", layerwiseDirections, true);
            if (!includeBp && globalDirections.isEmpty() && layerwiseDirections.isEmpty()) {
                throw new IllegalArgumentException("no method to measure: include BP or give RFG directions");
            }
            if (warmup < 0) {
                throw new IllegalArgumentException("warmup must be >= 0, got " + warmup);
            }
            if (iterations < 1) {
                throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
            }
            if (minIterations < 1 || minIterations > iterations) {
                throw new IllegalArgumentException("minIterations must be in [1, iterations=" + iterations
                        + "], got " + minIterations);
            }
            if (!(budgetSeconds > 0) || Double.isInfinite(budgetSeconds)) {
                throw new IllegalArgumentException("budgetSeconds must be finite and > 0, got " + budgetSeconds);
            }
            if (probeSamples < 0) {
                throw new IllegalArgumentException("probeSamples must be >= 0, got " + probeSamples);
            }
        }

        /**
         * Batches 1,000 and 10,000, T = 32 and 512, BP, RFG-G with K = 1, 4, 16, RFG-L and RFG-A with K = 1; up to
         * 3 warm-up and 3-20 timed iterations, about 15 s of timing per configuration.
         */
        public static Config defaults() {
            return new Config(List.of(1000, 10000), List.of(32, 512), true, List.of(1, 4, 16), List.of(1), 3, 20,
                    3, 15, 20, 42, false);
        }

        public Config withSizes(List<Integer> newBatches, List<Integer> newTimeSteps) {
            return new Config(newBatches, newTimeSteps, includeBp, globalDirections, layerwiseDirections, warmup,
                    iterations, minIterations, budgetSeconds, probeSamples, seed, stein);
        }

        public Config withDirections(List<Integer> global, List<Integer> layerwise) {
            return new Config(batches, timeSteps, includeBp, global, layerwise, warmup, iterations, minIterations,
                    budgetSeconds, probeSamples, seed, stein);
        }

        public Config withIterations(int newWarmup, int newMin, int newMax, double newBudgetSeconds) {
            return new Config(batches, timeSteps, includeBp, globalDirections, layerwiseDirections, newWarmup,
                    newMax, newMin, newBudgetSeconds, probeSamples, seed, stein);
        }

        public Config withProbeSamples(int samples) {
            return new Config(batches, timeSteps, includeBp, globalDirections, layerwiseDirections, warmup,
                    iterations, minIterations, budgetSeconds, samples, seed, stein);
        }

        /** The same measurements with the WSG surrogate instead of SG. */
        public Config withStein() {
            return new Config(batches, timeSteps, includeBp, globalDirections, layerwiseDirections, warmup,
                    iterations, minIterations, budgetSeconds, probeSamples, seed, true);
        }

        public Config withSeed(long newSeed) {
            return new Config(batches, timeSteps, includeBp, globalDirections, layerwiseDirections, warmup,
                    iterations, minIterations, budgetSeconds, probeSamples, newSeed, stein);
        }

        /** Forward alone and BP first, then by K, global before layer-wise before activity. */
        public List<BenchMethod> methods() {
            List<BenchMethod> m = new ArrayList<>();
            if (includeBp) {
                m.add(BenchMethod.forward());
                m.add(BenchMethod.bp());
            }
            List<Integer> ks = new ArrayList<>(globalDirections);
            for (int k : layerwiseDirections) {
                if (!ks.contains(k)) {
                    ks.add(k);
                }
            }
            ks.sort(null);
            for (int k : ks) {
                if (globalDirections.contains(k)) {
                    m.add(BenchMethod.global(k));
                }
                if (layerwiseDirections.contains(k)) {
                    m.add(BenchMethod.layerwise(k));
                    m.add(BenchMethod.activity(k));
                }
            }
            return stein ? m.stream().map(BenchMethod::withStein).toList() : m;
        }

        private static List<Integer> positive(String name, List<Integer> values, boolean mayBeEmpty) {
            Objects.requireNonNull(values, name);
            if (values.isEmpty() && !mayBeEmpty) {
                throw new IllegalArgumentException(name + " must not be empty");
            }
            for (Integer v : values) {
                if (v == null || v < 1) {
                    throw new IllegalArgumentException(name + " must all be >= 1, got " + values);
                }
            }
            return List.copyOf(new LinkedHashSet<>(values));
        }
    }

    private final Consumer<String> log;
    private final int threads;

    /** @param log receives one progress line per measured configuration (e.g. {@code System.err::println}) */
    public IterationBenchmark(Consumer<String> log) {
        this(log, 1);
    }

    /** @param threads threads over each minibatch (>= 1), see {@link BatchThreads} */
    public IterationBenchmark(Consumer<String> log, int threads) {
        this.log = Objects.requireNonNull(log, "log");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    public IterationBenchmark() {
        this(line -> { });
    }

    /** Measures every batch x T x method, smaller work first; rows in the same order. */
    public List<BenchResult> run(Config config) {
        Objects.requireNonNull(config, "config");
        List<BenchResult> rows = new ArrayList<>();
        try (BatchThreads pool = BatchThreads.of(threads)) {
            for (int batch : config.batches()) {
                DataSet minibatch = minibatch(batch, config.seed());
                for (int steps : config.timeSteps()) {
                    for (BenchMethod method : config.methods()) {
                        BenchResult row = measure(method, batch, steps, minibatch, config, pool);
                        rows.add(row);
                        log.accept(progressLine(row));
                    }
                }
            }
        }
        return rows;
    }

    /** The Mexican-hat net of the benchmark at T time steps. */
    public static MultiLayerConfiguration mexicanHat(int steps, long seed) {
        return mexicanHat(steps, seed, Surrogate.gaussian(SURROGATE_WIDTH));
    }

    /** The Mexican-hat net with the given surrogate in both spiking layers. */
    public static MultiLayerConfiguration mexicanHat(int steps, long seed, Surrogate surrogate) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(LEARNING_RATE))
                .weightInit(WeightInit.XAVIER)
                .list();
        for (int l = 1; l < WIDTHS.length - 1; l++) {
            list.layer(new SpikingDense.Builder().nOut(WIDTHS[l]).timeSteps(steps)
                    .surrogate(surrogate).build());
        }
        list.layer(new TimeAverage.Builder().build());
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                .nOut(WIDTHS[WIDTHS.length - 1]).build());
        return list.setInputType(InputType.feedForward(WIDTHS[0])).build();
    }

    /** {@code batch} uniform points of the Mexican-hat task and their targets, FLOAT. */
    public static DataSet minibatch(int batch, long seed) {
        PointSamples train = MexicanHat.generate(new MexicanHat.Config(batch, 2, -3, 3, seed)).train();
        return new DataSet(train.inputsArray(DataType.FLOAT), train.targetsArray(DataType.FLOAT));
    }

    BenchResult measure(BenchMethod method, int batch, int steps, DataSet minibatch, Config config) {
        return measure(method, batch, steps, minibatch, config, BatchThreads.single());
    }

    BenchResult measure(BenchMethod method, int batch, int steps, DataSet minibatch, Config config,
                        BatchThreads pool) {
        double mflop = FlopCount.count(WIDTHS, batch, steps, method).mflop();
        MultiLayerNetwork net = null;
        try {
            // a fresh thread state: workspaces sized by an earlier configuration would count here
            Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
            Surrogate surrogate = method.stein() ? Surrogate.stein(SURROGATE_WIDTH, BenchMethod.STEIN_SAMPLES)
                    : Surrogate.gaussian(SURROGATE_WIDTH);
            net = method.network(mexicanHat(steps, config.seed(), surrogate), config.seed());
            net.init();
            if (net instanceof RfgModel rfg) {
                rfg.setBatchThreads(pool);
            } else {
                SpikingLayers.setBatchThreads(net, pool);
            }
            long restingHeap = HeapSampler.liveHeap();

            // at least config.warmup() iterations, then on until the iteration time settles (WarmUp)
            WarmUp warmUp = new WarmUp(config.warmup(), config.budgetSeconds() * 1e3 / 4);
            double lastMs = Double.NaN;
            while (warmUp.needsMore()) {
                lastMs = timeStep(method, net, minibatch);
                warmUp.record(lastMs);
            }
            int timed = Double.isNaN(lastMs) ? config.iterations()
                    : (int) Math.max(config.minIterations(),
                            Math.min(config.iterations(), Math.floor(config.budgetSeconds() * 1e3 / lastMs)));

            double[] ms = new double[timed];
            double[] cpuMs = new double[timed];
            long allocatedBefore = allocatedBytes();
            HeapSampler poll = HeapSampler.polling(1000);
            for (int i = 0; i < timed; i++) {
                long cpu0 = CpuTime.threadNanos();
                ms[i] = timeStep(method, net, minibatch);
                cpuMs[i] = (CpuTime.threadNanos() - cpu0) / 1e6;
            }
            long polledPeak = poll.stop();
            long allocated = allocatedBytes() - allocatedBefore;
            double median = median(ms);

            double liveMb = Double.NaN;
            if (config.probeSamples() > 0) {
                long liveBytes = probeLiveHeap(method, net, minibatch, median, config.probeSamples());
                liveMb = (Math.max(0, liveBytes - restingHeap) + workspaceBytes()) / MB;
            }
            double[] rates = spikeRates(net, minibatch.getFeatures());
            double all = 0;
            for (double r : rates) {
                all += r;
            }
            return new BenchResult(BenchResult.MEXICAN_HAT, method.label(), batch, steps, method.directions(), median,
                    Arrays.stream(ms).average().orElse(Double.NaN), timed, mflop, liveMb,
                    Math.max(0, polledPeak - restingHeap) / MB, allocated < 0 ? Double.NaN : allocated / MB / timed,
                    all / rates.length, FlopCount.synapticOps(WIDTHS, batch, steps, rates) / 1e6,
                    // the CPU time of the calling thread alone: with worker threads it would undercount, so none
                    CpuTime.available() && pool.threads() == 1 ? median(cpuMs) : Double.NaN, BenchResult.OK);
        } catch (OutOfMemoryError e) {
            net = null;
            System.gc();
            return BenchResult.failed(BenchResult.MEXICAN_HAT, method, batch, steps, mflop, "out of memory (raise -Xmx)");
        } finally {
            if (net != null) {
                net.clear();
            }
            Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        }
    }

    private static double timeStep(BenchMethod method, MultiLayerNetwork net, DataSet minibatch) {
        long t0 = System.nanoTime();
        step(method, net, minibatch);
        return (System.nanoTime() - t0) / 1e6;
    }

    /** One training iteration, or for FORWARD one inference pass. */
    private static void step(BenchMethod method, MultiLayerNetwork net, DataSet minibatch) {
        if (method.isForwardOnly()) {
            net.output(minibatch.getFeatures());
        } else {
            net.fit(minibatch);
        }
    }

    /**
     * Runs untimed iterations while a background thread takes full-collection samples of the live heap,
     * about {@code samples} per iteration, until that many are in (at most 10 iterations).
     */
    private static long probeLiveHeap(BenchMethod method, MultiLayerNetwork net, DataSet minibatch,
                                      double iterationMs, int samples) {
        long intervalMicros = (long) Math.min(5e6, Math.max(1000, iterationMs * 1e3 / samples));
        HeapSampler probe = HeapSampler.collecting(intervalMicros);
        for (int i = 0; i < 10 && (i == 0 || probe.samples() < samples); i++) {
            step(method, net, minibatch);
        }
        return probe.stop();
    }

    /** Bytes of the ND4J workspaces this thread holds (DL4J keeps them at their largest size). */
    static long workspaceBytes() {
        long sum = 0;
        for (MemoryWorkspace ws : Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread()) {
            sum += ws.getCurrentSize();
        }
        return sum;
    }

    /** Heap bytes this thread has allocated so far (-1 when the JVM does not say). */
    static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled()) {
            return t.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }

    /** Per spiking layer, the fraction of neuron-steps that spike on this minibatch (inference pass). */
    static double[] spikeRates(MultiLayerNetwork net, INDArray features) {
        List<INDArray> activations = net.feedForward(features, false);
        Layer[] layers = net.getLayers();
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            if (layers[i].conf().getLayer() instanceof SpikingDense) {
                INDArray spikes = activations.get(i + 1);
                rates.add(spikes.sumNumber().doubleValue() / spikes.length());
            }
        }
        return rates.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static String progressLine(BenchResult r) {
        return String.format(Locale.ROOT,
                "[bench] %-5s K=%-2d batch=%-6d T=%-4d %s", r.method(), r.directions(), r.batch(), r.timeSteps(),
                r.ok() ? String.format(Locale.ROOT, "%.2f ms/iter (%d timed), %.1f MFLOP, live %.1f MB",
                        r.msPerIter(), r.iterations(), r.mflop(), r.peakMemMb()) : r.status());
    }
}
