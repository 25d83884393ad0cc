package org.dl4jsnn.reproduce;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task runner that trains nothing: it produces deterministic results from (method, seed), saves a
 * checkpoint half-way, can simulate a kill at that point, and records what it was asked and given.
 */
final class FakeTaskRunner implements TaskRunner {

    enum Kind { GRID, CURVES, NONE }

    private final String task;
    private final Kind kind;
    private final List<MethodSpec> defaults;
    private final Map<String, Double> paper;

    final List<String> calls = new ArrayList<>();
    final Map<String, String> checkpointsSeen = new HashMap<>();
    String killAtHalfwayOf;

    FakeTaskRunner(String task, Kind kind, List<MethodSpec> defaults, Map<String, Double> paper) {
        this.task = task;
        this.kind = kind;
        this.defaults = defaults;
        this.paper = paper;
    }

    static FakeTaskRunner grid(String task) {
        return new FakeTaskRunner(task, Kind.GRID,
                List.of(MethodSpec.parse("SG-BP", 1), MethodSpec.parse("SG-RFG-L", 1)),
                Map.of("SG-BP", 0.05, "SG-RFG-L", 0.01));
    }

    @Override
    public String task() {
        return task;
    }

    @Override
    public String description() {
        return "Fake " + task + " task for tests.";
    }

    @Override
    public List<MethodSpec> defaultMethods() {
        return defaults;
    }

    @Override
    public Map<String, Double> paperErrors() {
        return paper;
    }

    @Override
    public RunSettings defaults(Preset preset) {
        return preset == Preset.FAST ? new RunSettings(40, 16, 1e-3, 10, Map.of("T", "32"))
                : new RunSettings(400, 64, 5e-4, 50, Map.of("T", "32"));
    }

    @Override
    public String validationFold() {
        return "the last 4 of the 40 fake rows";
    }

    /**
     * Validation error is lowest at a method-dependent learning rate (1e-3 for BP, 4e-3 for RFG) and
     * grows with the log-distance from it; learning rates above 0.5 diverge.
     */
    static double validationError(MethodSpec method, double lr) {
        double best = method.gradient() == GradientKind.BP ? 1e-3 : 4e-3;
        return 0.1 + Math.abs(Math.log(lr / best));
    }

    @Override
    public MethodRun run(RunSettings settings, MethodSpec method, long seed, EvaluationSplit split,
                         TrainingMonitor monitor, CheckpointStore checkpoints, String runKey) {
        calls.add(runKey);
        if (split == EvaluationSplit.VALIDATION && settings.lr() > 0.5) {
            throw new TrainingDivergedException("the loss became NaN at iteration 1; lower --lr");
        }
        Optional<byte[]> checkpoint = checkpoints.load(runKey);
        int start = 0;
        if (checkpoint.isPresent()) {
            String text = new String(checkpoint.get(), StandardCharsets.UTF_8);
            checkpointsSeen.put(runKey, text);
            start = Integer.parseInt(text.substring("iteration=".length()));
        }
        int total = settings.iterations();
        monitor.start(method.label() + " seed " + seed, split, total, start);
        List<TrainingPoint> curve = new ArrayList<>();
        for (int i = start + 1; i <= total; i++) {
            double loss = 1.0 / i;
            double test = i % settings.evalEvery() == 0 ? 0.5 / Math.sqrt(i) : Double.NaN;
            curve.add(new TrainingPoint(i, loss, test));
            monitor.update(i, loss, test);
            if (i == total / 2) {
                checkpoints.save(runKey, ("iteration=" + i).getBytes(StandardCharsets.UTF_8));
                if (runKey.equals(killAtHalfwayOf)) {
                    throw new IllegalStateException("simulated kill of " + runKey);
                }
            }
        }
        monitor.finish();
        double relL2 = split == EvaluationSplit.TEST ? error(method, seed) : validationError(method, settings.lr());
        return new MethodRun(method.label(), seed, total, settings.batch(), settings.lr(), relL2, 1.5, 2.0 + seed,
                0.2, curve, artifacts(relL2));
    }

    static double error(MethodSpec method, long seed) {
        return 0.02 + 0.01 * method.gradient().ordinal() + 0.001 * seed;
    }

    private Artifacts artifacts(double relL2) {
        return switch (kind) {
            case GRID -> mexicanHat(21, relL2);
            case CURVES -> sines(relL2);
            case NONE -> null;
        };
    }

    static GridPrediction mexicanHat(int n, double relError) {
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = -3 + 6.0 * i / (n - 1);
        }
        double[][] truth = new double[n][n];
        double[][] pred = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double r2 = xs[i] * xs[i] + xs[j] * xs[j];
                truth[i][j] = (1 - r2) * Math.exp(-r2 / 2);
                pred[i][j] = truth[i][j] + relError * Math.sin(3 * xs[i]) * Math.cos(2 * xs[j]);
            }
        }
        return new GridPrediction("x", "y", xs, xs.clone(), truth, pred);
    }

    private static CurveSamples sines(double relError) {
        int n = 50;
        double[] x = new double[n];
        List<double[]> truth = new ArrayList<>();
        List<double[]> pred = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            x[i] = i / (n - 1.0);
        }
        for (int k = 1; k <= 3; k++) {
            double[] t = new double[n];
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = Math.sin(Math.PI * k * x[i]) / k;
                p[i] = t[i] * (1 + relError);
            }
            truth.add(t);
            pred.add(p);
        }
        return new CurveSamples("x", x, truth, pred);
    }
}
