package org.dl4jsnn.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.data.DeepOnetIterator;
import org.dl4jsnn.data.OperatorSamples;
import org.dl4jsnn.estimator.DirectionDistribution;
import org.dl4jsnn.estimator.ForwardGradientEstimator;
import org.dl4jsnn.estimator.Perturbation;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.forward.ForwardGraph;
import org.dl4jsnn.forward.ForwardSweep;
import org.dl4jsnn.forward.Value;
import org.dl4jsnn.init.FanInUniformBiases;
import org.dl4jsnn.init.InitScheme;
import org.dl4jsnn.layer.NdArrays;
import org.dl4jsnn.surrogate.Surrogate;
import org.dl4jsnn.train.RfgComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * {@link BranchRows#PER_FUNCTION} against {@link BranchRows#PER_PAIR} on the same minibatch of a DOUBLE
 * DeepONet with local losses (three product vertices): the branch runs on the distinct functions, so the
 * numbers must be the pair layout's, the parameter gradients to round-off (the scatter-add sums a function's
 * pairs before the branch's layers do), and the forward sweep must satisfy the JVP identity in the new layout.
 */
class BranchRowsLayoutTest {

    private static final int PAIRS = 300;
    private static final int FUNCTIONS = 7;
    private static final int SENSORS = 5;

    private final int[] functionOf = new int[PAIRS];
    private final double[] functions = new double[FUNCTIONS * SENSORS];
    private final double[] points = new double[PAIRS];
    private final double[] labels = new double[PAIRS];

    BranchRowsLayoutTest() {
        Random rng = new Random(11);
        for (int e = 0; e < functions.length; e++) {
            functions[e] = 3 * rng.nextGaussian();
        }
        for (int r = 0; r < PAIRS; r++) {
            // functions in a shuffled order, so the index is no identity and no sorted sequence
            functionOf[r] = rng.nextInt(FUNCTIONS);
            points[r] = rng.nextDouble();
            labels[r] = rng.nextGaussian();
        }
    }

    static SpikingDeepOnet builder(BranchRows rows) {
        return SpikingDeepOnet.builder().sensors(SENSORS).hidden(6, 5).latent(4).timeSteps(5)
                .surrogate(Surrogate.gaussian(0.3)).updater(new NoOp()).dataType(DataType.DOUBLE).seed(7)
                .localLosses(true).branchRows(rows);
    }

    private static ComputationGraph net(BranchRows rows) {
        ComputationGraph g = new ComputationGraph(builder(rows).build());
        g.init();
        return g;
    }

    private INDArray[] pairFeatures() {
        double[] b = new double[PAIRS * SENSORS];
        for (int r = 0; r < PAIRS; r++) {
            System.arraycopy(functions, functionOf[r] * SENSORS, b, r * SENSORS, SENSORS);
        }
        return new INDArray[] {Nd4j.create(b, new long[] {PAIRS, SENSORS}, 'c'),
                Nd4j.create(points.clone(), new long[] {PAIRS, 1}, 'c')};
    }

    private INDArray[] functionFeatures() {
        double[] index = new double[PAIRS];
        for (int r = 0; r < PAIRS; r++) {
            index[r] = functionOf[r];
        }
        INDArray[] f = new INDArray[3];
        f[BranchRows.PER_FUNCTION.branchInput()] = Nd4j.create(functions.clone(), new long[] {FUNCTIONS, SENSORS}, 'c');
        f[BranchRows.PER_FUNCTION.trunkInput()] = Nd4j.create(points.clone(), new long[] {PAIRS, 1}, 'c');
        f[BranchRows.PER_FUNCTION.inputNames().indexOf(BranchRows.FUNCTION_INDEX)] = Nd4j.create(index,
                new long[] {PAIRS, 1}, 'c');
        return f;
    }

    private INDArray[] labelArrays(int outputs) {
        INDArray[] l = new INDArray[outputs];
        for (int o = 0; o < outputs; o++) {
            l[o] = Nd4j.create(labels.clone(), new long[] {PAIRS, 1}, 'c');
        }
        return l;
    }

    @Test
    void bothLayoutsStartFromTheSameParametersForTheSameSeed() {
        Map<String, INDArray> pair = net(BranchRows.PER_PAIR).paramTable();
        Map<String, INDArray> function = net(BranchRows.PER_FUNCTION).paramTable();
        assertThat(function.keySet()).isEqualTo(pair.keySet());
        for (String name : pair.keySet()) {
            assertThat(function.get(name).dup().data().asDouble()).as(name)
                    .containsExactly(pair.get(name).dup().data().asDouble());
        }
        // and the same flat layout, which updater state and checkpoints rely on
        assertThat(net(BranchRows.PER_FUNCTION).params().data().asDouble())
                .containsExactly(net(BranchRows.PER_PAIR).params().data().asDouble());
    }

    /**
     * Fan-in-uniform biases are seeded by the layer's graph index, which the index input shifts by one; the
     * per-function network draws them on its pair twin, so a seed still gives one network.
     */
    @Test
    void fanInUniformBiasesAreThePairLayoutsToo() {
        double[][] params = new double[2][];
        for (BranchRows rows : BranchRows.values()) {
            ComputationGraph g = new ComputationGraph(builder(rows).init(InitScheme.FAN_IN_UNIFORM)
                    .build());
            g.init();
            // per tower: two spiking layers, two local heads and the readout; the 1-to-1 outputs keep theirs
            assertThat(OperatorBiases.drawFanInUniform(g)).isEqualTo(10);
            params[rows.ordinal()] = g.params().dup().data().asDouble();
        }
        assertThat(params[1]).containsExactly(params[0]);
        ComputationGraph plain = new ComputationGraph(builder(BranchRows.PER_PAIR)
                .init(InitScheme.FAN_IN_UNIFORM).build());
        plain.init();
        double[] before = plain.params().dup().data().asDouble();
        FanInUniformBiases.draw(plain);
        // the pair layout's draw is FanInUniformBiases' own, and it changed biases
        assertThat(plain.params().dup().data().asDouble()).containsExactly(params[0]).isNotEqualTo(before);
    }

    @Test
    void perFunctionGivesThePairLayoutsOutputsLossAndGradients() {
        ComputationGraph pair = net(BranchRows.PER_PAIR);
        ComputationGraph function = net(BranchRows.PER_FUNCTION);
        int outputs = pair.getNumOutputArrays();
        INDArray[] pairOut = pair.output(false, pairFeatures());
        INDArray[] functionOut = function.output(false, functionFeatures());
        for (int o = 0; o < outputs; o++) {
            assertThat(functionOut[o].shape()).containsExactly(PAIRS, 1);
            assertClose(functionOut[o].data().asDouble(), pairOut[o].data().asDouble(), 1e-12, "output " + o);
        }
        pair.setInputs(pairFeatures());
        pair.setLabels(labelArrays(outputs));
        pair.computeGradientAndScore();
        function.setInputs(functionFeatures());
        function.setLabels(labelArrays(outputs));
        function.computeGradientAndScore();
        // the score is a mean over the pairs in both: DL4J counts the minibatch by the labels' rows
        assertThat(function.score()).isCloseTo(pair.score(), within(1e-12 * pair.score()));
        double[] want = pair.gradient().gradient().data().asDouble();
        double[] got = function.gradient().gradient().data().asDouble();
        assertClose(got, want, 1e-12, "gradient");
        double norm = 0;
        for (double g : want) {
            norm = Math.max(norm, Math.abs(g));
        }
        assertThat(norm).isGreaterThan(1e-3);
    }

    /**
     * One updater step by BP and by layer-wise RFG in either layout: the same new parameters (DL4J divides
     * the summed gradient by the labels' rows, the pairs) and the same score.
     */
    @Test
    void oneTrainingStepIsTheSameInBothLayoutsByBackpropAndRfg() {
        for (boolean rfg : new boolean[] {false, true}) {
            double[][] after = new double[2][];
            double[] scores = new double[2];
            for (BranchRows rows : BranchRows.values()) {
                var conf = builder(rows).updater(new Sgd(0.05)).build();
                ComputationGraph g = rfg ? new RfgComputationGraph(conf, RfgSettings.layerwise(9))
                        : new ComputationGraph(conf);
                g.init();
                INDArray[] features = rows == BranchRows.PER_PAIR ? pairFeatures() : functionFeatures();
                g.fit(new MultiDataSet(features, labelArrays(g.getNumOutputArrays())));
                after[rows.ordinal()] = g.params().dup().data().asDouble();
                scores[rows.ordinal()] = g.score();
            }
            assertThat(after[1]).isNotEqualTo(net(BranchRows.PER_PAIR).params().dup().data().asDouble());
            assertClose(after[1], after[0], 1e-12, rfg ? "RFG-L step" : "BP step");
            assertThat(scores[1]).as(rfg ? "RFG-L score" : "BP score").isCloseTo(scores[0], within(1e-12 * scores[0]));
        }
    }

    @Test
    void forwardSweepSatisfiesTheJvpIdentityInThePerFunctionLayout() {
        ComputationGraph net = net(BranchRows.PER_FUNCTION);
        double[] params = NdArrays.toDoubles(net.params());
        ForwardGraph graph = ForwardGraph.of(net);
        ForwardGradientEstimator.Directions dirs = new ForwardGradientEstimator(
                new RfgSettings(Perturbation.GLOBAL, 3, DirectionDistribution.GAUSSIAN, 5))
                .directions(graph, params.length, 0);
        int k = dirs.vectors().length;
        INDArray[] features = functionFeatures();
        List<Value> in = new ArrayList<>();
        for (INDArray f : features) {
            in.add(Value.constant((int) f.size(0), (int) f.size(1), NdArrays.toDoubles(f), k));
        }
        int outputs = net.getNumOutputArrays();
        List<double[]> labelList = new ArrayList<>();
        for (int o = 0; o < outputs; o++) {
            labelList.add(labels.clone());
        }
        ForwardSweep.Result sweep = ForwardSweep.run(graph, params, dirs.vectors(), dirs.segment(), in, labelList, 42,
                0);
        net.setInputs(features);
        net.setLabels(labelArrays(outputs));
        net.computeGradientAndScore();
        double[] grad = NdArrays.toDoubles(net.gradient().gradient());
        // DL4J's gradient is of the summed loss, as the sweep's tangents are
        assertThat(sweep.loss() / PAIRS).isCloseTo(net.score(), within(1e-12 * net.score()));
        for (int d = 0; d < k; d++) {
            double exact = 0;
            for (int e = 0; e < params.length; e++) {
                exact += grad[e] * dirs.vectors()[d][e];
            }
            assertThat(Math.abs(exact)).isGreaterThan(1e-6);
            assertThat(sweep.lossTangents()[d]).as("direction %d", d).isCloseTo(exact, within(1e-9 * Math.abs(exact)));
        }
    }

    @Test
    void iteratorEmitsDistinctFunctionsPointsAndIndexForTheSamePairs() {
        // each pair's branch row, read through the index, is the function the pair layout repeats
        var samples = smallSamples();
        MultiDataSet pairs = (MultiDataSet) new DeepOnetIterator(samples, 37, true, 3,
                DataType.DOUBLE).next();
        MultiDataSet byFunction = (MultiDataSet) new DeepOnetIterator(samples, 37, true, 3,
                DataType.DOUBLE, BranchRows.PER_FUNCTION).next();
        BranchRows r = BranchRows.PER_FUNCTION;
        INDArray branch = byFunction.getFeatures(r.branchInput());
        INDArray index = byFunction.getFeatures(r.inputNames().indexOf(BranchRows.FUNCTION_INDEX));
        assertThat(branch.size(0)).isLessThan(37).isGreaterThan(1);
        assertThat(byFunction.getFeatures(r.trunkInput()).data().asDouble())
                .containsExactly(pairs.getFeatures(1).data().asDouble());
        assertThat(byFunction.getLabels(0).data().asDouble()).containsExactly(pairs.getLabels(0).data().asDouble());
        for (int n = 0; n < 37; n++) {
            int f = (int) index.getDouble(n, 0);
            assertThat(branch.getRow(f).toDoubleVector()).containsExactly(pairs.getFeatures(0).getRow(n).toDoubleVector());
        }
        // no function twice
        for (int a = 0; a < branch.size(0); a++) {
            for (int b = a + 1; b < branch.size(0); b++) {
                assertThat(branch.getRow(a).toDoubleVector()).isNotEqualTo(branch.getRow(b).toDoubleVector());
            }
        }
    }

    @Test
    void metricsPredictTheSameInBothLayouts() {
        var samples = smallSamples();
        double[][][] pred = new double[2][][];
        for (BranchRows rows : BranchRows.values()) {
            ComputationGraph g = new ComputationGraph(builder(rows).sensors(4).build());
            g.init();
            pred[rows.ordinal()] = OperatorMetrics.predictDeepOnet(g, samples, DataType.DOUBLE);
        }
        assertThat(pred[1].length).isEqualTo(12);
        for (int s = 0; s < 12; s++) {
            assertClose(pred[1][s], pred[0][s], 1e-12, "function " + s);
        }
    }

    /** 12 functions at 4 sensors, 9 points: 108 pairs, so a batch of 37 repeats functions. */
    private static OperatorSamples smallSamples() {
        Random rng = new Random(5);
        double[][] f = new double[12][4];
        double[][] u = new double[12][9];
        for (int s = 0; s < 12; s++) {
            for (int j = 0; j < 4; j++) {
                f[s][j] = rng.nextGaussian();
            }
            for (int p = 0; p < 9; p++) {
                u[s][p] = rng.nextGaussian();
            }
        }
        double[] points = new double[9];
        for (int p = 0; p < 9; p++) {
            points[p] = p / 8.0;
        }
        return new OperatorSamples(f, new double[] {0, 0.3, 0.6, 1}, points, u);
    }

    static void assertClose(double[] got, double[] want, double rel, String what) {
        assertThat(got).hasSameSizeAs(want);
        double scale = 0;
        for (double w : want) {
            scale = Math.max(scale, Math.abs(w));
        }
        for (int e = 0; e < want.length; e++) {
            assertThat(got[e]).as("%s[%d]", what, e).isCloseTo(want[e], within(rel * scale));
        }
    }
}
