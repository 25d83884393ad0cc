package org.dl4jsnn.reproduce.tasks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.data.DiffusionReactionDataset;
import org.dl4jsnn.data.GridOperatorSamples;
import org.dl4jsnn.data.SepOnetIterator;
import org.dl4jsnn.operator.OperatorMetrics;
import org.dl4jsnn.operator.SpikingSepOnet;
import org.dl4jsnn.reproduce.Artifacts;
import org.dl4jsnn.reproduce.EvaluationSplit;
import org.dl4jsnn.reproduce.GradientKind;
import org.dl4jsnn.reproduce.GridPrediction;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.Preset;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.TrainingSetError;
import org.dl4jsnn.init.InitScheme;
import org.dl4jsnn.reproduce.SurrogateKind;
import org.dl4jsnn.reproduce.choice.LrSchedule;
import org.dl4jsnn.estimator.ActivityLayers;
import org.dl4jsnn.reproduce.choice.TrainingChoices;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * docs/design.md section 5: learn f -> u for u_t = D u_xx + k u^2 + f(x) on [0,1]^2 with a spiking SepONet
 * (branch 101-16-16, trunks 1-16-16, T = 32, s = 0.5) evaluated on the whole 101 x 101 grid at once.
 */
final class DiffusionReactionTask extends BaseTask {

    private static final double WIDTH = 0.5;

    /**
     * The settings key of the source terms' GRF length scale. Absent in settings recorded before it
     * existed, which mean the length scale then used, {@link DiffusionReactionDataset#ROUGH_LENGTH_SCALE}.
     */
    static final String GRF_LENGTH_SCALE = TrainingChoices.GRF_LENGTH_SCALE;

    private final double lengthScale;
    /** The task on other length scales, each loading its own data set once. */
    private final Map<Double, DiffusionReactionTask> variants = new HashMap<>();
    private DiffusionReactionDataset data;
    private Holdout<GridOperatorSamples> holdout;

    /** The task on the paper's data: GRF length scale 1. */
    DiffusionReactionTask() {
        this(DiffusionReactionDataset.PAPER_LENGTH_SCALE);
    }

    private DiffusionReactionTask(double lengthScale) {
        this.lengthScale = lengthScale;
    }

    private DiffusionReactionDataset data() {
        if (data == null) {
            data = DiffusionReactionDataset.load(DiffusionReactionDataset.Config.defaults().withLengthScale(lengthScale),
                    cache());
        }
        return data;
    }

    /** The GRF length scale the settings ask for. */
    static double lengthScale(RunSettings settings) {
        String v = settings.extra().get(GRF_LENGTH_SCALE);
        return v == null ? DiffusionReactionDataset.ROUGH_LENGTH_SCALE : Double.parseDouble(v);
    }

    @Override
    public TaskModel forSettings(RunSettings settings) {
        double wanted = lengthScale(settings);
        return wanted == lengthScale ? this : variants.computeIfAbsent(wanted, DiffusionReactionTask::new);
    }

    private Holdout<GridOperatorSamples> holdout() {
        if (holdout == null) {
            GridOperatorSamples train = data().train();
            holdout = Holdout.of(train, train.functionCount(), train::rows);
        }
        return holdout;
    }

    @Override
    public String task() {
        return "diffusion-reaction-seponet";
    }

    @Override
    public String description() {
        return "Learn the operator f -> u of u_t = 0.01 u_xx + 0.01 u^2 + f(x) on [0,1]^2 (zero initial and boundary"
                + " values, f a Gaussian random field of length scale 1 unless set otherwise) with a spiking SepONet (branch 101-16-16, trunks 1-16-16,"
                + " T = 32, s = 0.5) on the 101 x 101 grid; mean relative L2 error over 100 test functions. The"
                + " paper shows this only as a figure (target: RFG-L within 1.5 x of BP).";
    }

    @Override
    public List<MethodSpec> defaultMethods() {
        return List.of(new MethodSpec(SurrogateKind.SG, GradientKind.BP, false, 1),
                new MethodSpec(SurrogateKind.SG, GradientKind.RFG_L, false, 1));
    }

    @Override
    public Map<String, Double> paperErrors() {
        return Map.of();
    }

    @Override
    public RunSettings defaults(Preset preset) {
        Map<String, String> extra = Map.of("network", "SepONet 101-16-16 / 1-16-16 / 1-16-16", "T", "32",
                "s", "" + WIDTH, "updater", "Adam", "functions", "100 train / 100 test", "grid", "101 x 101");
        Map<String, String> all = new HashMap<>(extra);
        all.put(GRF_LENGTH_SCALE, Double.toString(DiffusionReactionDataset.PAPER_LENGTH_SCALE));
        // fan-in-uniform measured better for SG-BP and SG-RFG-L at 600 iterations (README, "Fidelity options")
        // RFG-A on every affine output once, as the other tasks (README, "Fidelity options")
        TrainingChoices fast = TrainingChoices.LEGACY.withInit(InitScheme.FAN_IN_UNIFORM)
                .withActivity(ActivityLayers.AFFINE_OUTPUTS);
        return preset == Preset.FAST ? new RunSettings(600, 20, 3e-3, 100, fast.addTo(all))
                : new RunSettings(10_000, 20, 3e-3, 500, fast.withSchedule(LrSchedule.STEP).addTo(all));
    }

    @Override
    public boolean supportsLocalLosses() {
        return false;
    }

    @Override
    public ComputationGraphConfiguration network(MethodSpec method, RunSettings settings, long seed) {
        if (method.localLosses()) {
            throw new IllegalArgumentException(method.label() + ": local losses (-LL, and RFG-LG, which is guided"
                    + " by them) are not defined for the SepONet task");
        }
        GridOperatorSamples train = data().train();
        TrainingChoices choices = TrainingChoices.of(settings);
        return SpikingSepOnet.builder().sensors(train.sensorCount()).grid(train.nx(), train.nt())
                .surrogate(Methods.surrogate(method, WIDTH)).updater(Methods.updater(settings)).seed(Methods.networkSeed(seed))
                .init(choices.init()).resetDifferentiated(choices.reset().differentiated(method.gradient())).build();
    }

    @Override
    public int trainingRows(EvaluationSplit split) {
        return rowsOf(DiffusionReactionDataset.Config.defaults().trainSize(), split);
    }

    @Override
    public String validationFold() {
        return lastRows(data().train().functionCount(), "functions");
    }

    @Override
    public MultiDataSetIterator trainData(RunSettings settings, long seed, EvaluationSplit split) {
        return new SepOnetIterator(holdout().trainingSet(split), settings.batch(), seed);
    }

    @Override
    public double testError(ComputationGraph net) {
        return error(net, data().test());
    }

    /** All 100 test functions and grid points pooled. */
    @Override
    public double globalTestError(ComputationGraph net) {
        GridOperatorSamples test = data().test();
        return OperatorMetrics.globalRelativeL2(OperatorMetrics.predictSepOnet(net, test, DataType.FLOAT),
                OperatorMetrics.solutions(test));
    }

    @Override
    public TrainingSetError trainingSetError(ComputationGraph net) {
        GridOperatorSamples train = data().train();
        return TrainingSetError.ofFunctions(OperatorMetrics.predictSepOnet(net, train, DataType.FLOAT),
                OperatorMetrics.solutions(train));
    }

    @Override
    public double validationError(ComputationGraph net) {
        return error(net, holdout().fold());
    }

    private static double error(ComputationGraph net, GridOperatorSamples samples) {
        return OperatorMetrics.meanRelativeL2(OperatorMetrics.predictSepOnet(net, samples, DataType.FLOAT),
                OperatorMetrics.solutions(samples));
    }

    @Override
    public Artifacts artifacts(ComputationGraph net) {
        GridOperatorSamples test = data().test();
        double[] pred = OperatorMetrics.predictSepOnet(net, test, DataType.FLOAT)[0];
        double[] truthFlat = test.solution(0);
        int nx = test.nx();
        int nt = test.nt();
        double[][] truth = new double[nx][nt];
        double[][] prediction = new double[nx][nt];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < nt; j++) {
                truth[i][j] = truthFlat[i * nt + j];
                prediction[i][j] = pred[i * nt + j];
            }
        }
        return new GridPrediction("x", "t", test.x(), test.t(), truth, prediction);
    }

    @Override
    public INDArray[] probeInputs() {
        GridOperatorSamples test = data().test();
        return new INDArray[] {test.functionsArray(DataType.FLOAT), test.xColumn(DataType.FLOAT),
            test.tColumn(DataType.FLOAT)};
    }
}
