package org.dl4jsnn.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.operator.OperatorBiases;
import org.dl4jsnn.train.RfgComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The per-iteration cost of the operator networks (spiking DeepONet, SepONet), measured the way
 * {@link IterationBenchmark} measures the Mexican hat: a fresh network per method, warm-up, then
 * {@code net.fit(MultiDataSet)} on one fixed minibatch of the task's data, timed (wall and CPU), with the
 * live heap probed by full collections and the spike rate of one inference pass. One thread. Warm-up runs
 * the configured iterations and at least {@link #JIT_WARMUP_MS} ms (within a quarter of the budget).
 */
public final class OperatorBenchmark {

    private static final double MB = 1e6;
    /**
     * Warm-up time at least, within a quarter of the budget: the graph's paths (DL4J's vertices, the
     * operator products) reach the JIT's optimised code later than the Mexican hat's; after three warm-up
     * iterations a DeepONet BP iteration at batch 1,000 took 4x its settled CPU time.
     */
    static final double JIT_WARMUP_MS = 3000;
    private static final int MAX_WARMUP = 200;

    private final Consumer<String> log;

    public OperatorBenchmark(Consumer<String> log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Every workload x method, in that order.
     *
     * @param timing only its warm-up, iteration counts, budget, probe samples and seed are read
     */
    public List<BenchResult> run(List<OperatorWorkload> workloads, List<BenchMethod> methods,
                                 IterationBenchmark.Config timing) {
        Objects.requireNonNull(timing, "timing");
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("methods must not be empty");
        }
        List<BenchResult> rows = new ArrayList<>();
        for (OperatorWorkload w : workloads) {
            // all timings first, then the memory probes: the probe's full collections shrink G1's heap, and
            // the next configuration's timing then paid for regrowing it (a DeepONet BP iteration measured
            // 47-110 ms after a probe, 23 ms without)
            List<BenchResult> timed = new ArrayList<>();
            for (BenchMethod m : methods) {
                timed.add(measure(w, m, timing.withProbeSamples(0)));
            }
            for (int i = 0; i < methods.size(); i++) {
                BenchMethod m = methods.get(i);
                BenchResult r = timed.get(i);
                if (r.ok() && timing.probeSamples() > 0) {
                    r = withPeak(r, probePeakMb(w, m, timing, r.msPerIter()));
                }
                rows.add(r);
                log.accept(String.format(Locale.ROOT, "[bench] %s %-9s batch=%-6d %s", w.net(), m.label(),
                        w.batch(), r.ok() ? String.format(Locale.ROOT, "%.2f ms/iter (%d timed), %.1f MFLOP",
                                r.msPerIter(), r.iterations(), r.mflop()) : r.status()));
            }
        }
        return rows;
    }

    /** An initialised network that trains by the method (RFG-L: one group per parameter layer). */
    static ComputationGraph network(OperatorWorkload w, BenchMethod method, long seed) {
        var conf = w.network(method.stein());
        ComputationGraph net = switch (method.kind()) {
            case FORWARD, BP -> new ComputationGraph(conf);
            case RFG_GLOBAL -> new RfgComputationGraph(conf, RfgSettings.global(seed)
                    .withDirections(method.directions()));
            case RFG_LAYERWISE -> new RfgComputationGraph(conf, RfgSettings.layerwise(seed)
                    .withDirections(method.directions()));
            case RFG_ACTIVITY -> throw unsupportedActivity();
        };
        net.init();
        OperatorBiases.drawFanInUniform(net);
        return net;
    }

    /** RFG-A is benchmarked on the Mexican hat: the operator count ({@link FlopCount}) has no activity rule. */
    static IllegalArgumentException unsupportedActivity() {
        return new IllegalArgumentException("method RFG-A is benchmarked on the Mexican-hat net only; the operator"
                + " networks take FWD, BP, RFG-G or RFG-L");
    }

    BenchResult measure(OperatorWorkload w, BenchMethod method, IterationBenchmark.Config timing) {
        double mflop = FlopCount.count(w.shape(), w.steps(), method).mflop();
        ComputationGraph net = null;
        MultiDataSet batch = w.minibatch();
        try {
            Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
            net = network(w, method, timing.seed());
            long restingHeap = HeapSampler.liveHeap();
            double warmupMs = 0;
            double lastMs = Double.NaN;
            double cap = timing.budgetSeconds() * 1e3 / 4;
            for (int i = 0; i < MAX_WARMUP && warmupMs <= cap
                    && (i < timing.warmup() || warmupMs < Math.min(JIT_WARMUP_MS, cap)); i++) {
                lastMs = timeStep(method, net, batch);
                warmupMs += lastMs;
            }
            int timed = Double.isNaN(lastMs) ? timing.iterations()
                    : (int) Math.max(timing.minIterations(),
                            Math.min(timing.iterations(), Math.floor(timing.budgetSeconds() * 1e3 / lastMs)));
            double[] ms = new double[timed];
            double[] cpuMs = new double[timed];
            long allocatedBefore = IterationBenchmark.allocatedBytes();
            HeapSampler poll = HeapSampler.polling(1000);
            for (int i = 0; i < timed; i++) {
                long cpu0 = CpuTime.threadNanos();
                ms[i] = timeStep(method, net, batch);
                cpuMs[i] = (CpuTime.threadNanos() - cpu0) / 1e6;
            }
            long polledPeak = poll.stop();
            long allocated = IterationBenchmark.allocatedBytes() - allocatedBefore;
            double median = IterationBenchmark.median(ms);
            double liveMb = Double.NaN;
            if (timing.probeSamples() > 0) {
                liveMb = probe(method, net, batch, median, timing.probeSamples(), restingHeap);
            }
            return new BenchResult(w.net(), method.label(), w.batch(), w.steps(), method.directions(), median,
                    Arrays.stream(ms).average().orElse(Double.NaN), timed, mflop, liveMb,
                    Math.max(0, polledPeak - restingHeap) / MB, allocated < 0 ? Double.NaN : allocated / MB / timed,
                    spikeRate(net, batch.getFeatures()), Double.NaN,
                    CpuTime.available() ? IterationBenchmark.median(cpuMs) : Double.NaN, BenchResult.OK);
        } catch (OutOfMemoryError e) {
            net = null;
            System.gc();
            return BenchResult.failed(w.net(), method, w.batch(), w.steps(), mflop, "out of memory (raise -Xmx)");
        } finally {
            if (net != null) {
                net.clear();
            }
            Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        }
    }

    /** The live heap and workspaces of an iteration, MB, on a fresh network (one untimed iteration first). */
    private double probePeakMb(OperatorWorkload w, BenchMethod method, IterationBenchmark.Config timing,
                               double iterationMs) {
        ComputationGraph net = null;
        try {
            Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
            net = network(w, method, timing.seed());
            long restingHeap = HeapSampler.liveHeap();
            step(method, net, w.minibatch());
            return probe(method, net, w.minibatch(), iterationMs, timing.probeSamples(), restingHeap);
        } catch (OutOfMemoryError e) {
            net = null;
            System.gc();
            return Double.NaN;
        } finally {
            if (net != null) {
                net.clear();
            }
            Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        }
    }

    private static double probe(BenchMethod method, ComputationGraph net, MultiDataSet batch, double iterationMs,
                                int samples, long restingHeap) {
        long intervalMicros = (long) Math.min(5e6, Math.max(1000, iterationMs * 1e3 / samples));
        HeapSampler probe = HeapSampler.collecting(intervalMicros);
        for (int i = 0; i < 10 && (i == 0 || probe.samples() < samples); i++) {
            step(method, net, batch);
        }
        return (Math.max(0, probe.stop() - restingHeap) + IterationBenchmark.workspaceBytes()) / MB;
    }

    private static BenchResult withPeak(BenchResult r, double peakMb) {
        return new BenchResult(r.net(), r.method(), r.batch(), r.timeSteps(), r.directions(), r.msPerIter(),
                r.msMean(), r.iterations(), r.mflop(), peakMb, r.polledHeapMb(), r.allocMbPerIter(), r.spikeRate(),
                r.msynop(), r.cpuMsPerIter(), r.status());
    }

    private static double timeStep(BenchMethod method, ComputationGraph net, MultiDataSet batch) {
        long t0 = System.nanoTime();
        step(method, net, batch);
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void step(BenchMethod method, ComputationGraph net, MultiDataSet batch) {
        if (method.isForwardOnly()) {
            net.output(batch.getFeatures());
        } else {
            net.fit(batch);
        }
    }

    /** Spikes over neuron-steps, pooled over every spiking layer of the graph (one inference pass). */
    static double spikeRate(ComputationGraph net, INDArray[] features) {
        Map<String, INDArray> activations = net.feedForward(features, false);
        double spikes = 0;
        double slots = 0;
        for (GraphVertex v : net.getVertices()) {
            if (v.hasLayer() && v.getLayer().conf().getLayer() instanceof SpikingDense) {
                INDArray s = activations.get(v.getVertexName());
                spikes += s.sumNumber().doubleValue();
                slots += s.length();
            }
        }
        return slots > 0 ? spikes / slots : Double.NaN;
    }
}
