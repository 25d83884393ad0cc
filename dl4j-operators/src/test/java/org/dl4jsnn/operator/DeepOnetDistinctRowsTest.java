package org.dl4jsnn.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.estimator.DirectionDistribution;
import org.dl4jsnn.estimator.ForwardGradientEstimator;
import org.dl4jsnn.estimator.Perturbation;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.forward.CurrentTangentSource;
import org.dl4jsnn.forward.ForwardGraph;
import org.dl4jsnn.forward.ForwardSweep;
import org.dl4jsnn.forward.Value;
import org.dl4jsnn.layer.NdArrays;
import org.dl4jsnn.parallel.BatchThreads;
import org.dl4jsnn.surrogate.Surrogate;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The forward sweep runs a DeepONet's branch on the distinct input functions of a minibatch (pairs share
 * functions). Against the sweep that cannot merge rows (a current-tangent source that perturbs nothing
 * turns merging off) and against back-propagation, on a DOUBLE network whose pairs repeat 4 functions.
 */
class DeepOnetDistinctRowsTest {

    private static final int PAIRS = 1100;
    private static final int FUNCTIONS = 4;
    private static final int SENSORS = 5;

    /** Turns merging off and perturbs no current: the sweep as it ran before rows were merged. */
    private static final CurrentTangentSource NONE = new CurrentTangentSource() {
        @Override
        public boolean perturbsCurrent(int row) {
            return false;
        }

        @Override
        public int segmentOf(int row) {
            return -1;
        }

        @Override
        public void fill(int row, int t, int first, int batch, int nOut, double[] into) {
            throw new AssertionError("no row perturbs a current");
        }
    };

    private final ComputationGraph net = net();
    private final double[] params = NdArrays.toDoubles(net.params());
    private final ForwardGraph graph = ForwardGraph.of(net);
    private final ForwardGradientEstimator.Directions dirs = new ForwardGradientEstimator(
            new RfgSettings(Perturbation.LAYERWISE, 2, DirectionDistribution.GAUSSIAN, 3))
            .directions(graph, params.length, 0);
    private final INDArray branch;
    private final INDArray trunk;
    private final INDArray labels;

    DeepOnetDistinctRowsTest() {
        Random rng = new Random(4);
        double[] functions = new double[FUNCTIONS * SENSORS];
        for (int e = 0; e < functions.length; e++) {
            functions[e] = 3 * rng.nextGaussian();
        }
        double[] b = new double[PAIRS * SENSORS];
        double[] t = new double[PAIRS];
        double[] y = new double[PAIRS];
        for (int r = 0; r < PAIRS; r++) {
            System.arraycopy(functions, rng.nextInt(FUNCTIONS) * SENSORS, b, r * SENSORS, SENSORS);
            t[r] = rng.nextDouble();
            y[r] = rng.nextGaussian();
        }
        branch = Nd4j.create(b, new long[] {PAIRS, SENSORS}, 'c');
        trunk = Nd4j.create(t, new long[] {PAIRS, 1}, 'c');
        labels = Nd4j.create(y, new long[] {PAIRS, 1}, 'c');
    }

    private static ComputationGraph net() {
        ComputationGraph g = new ComputationGraph(SpikingDeepOnet.builder().sensors(SENSORS).hidden(6).latent(4)
                .timeSteps(5).surrogate(Surrogate.gaussian(0.3)).updater(new NoOp()).dataType(DataType.DOUBLE)
                .seed(7).build());
        g.init();
        return g;
    }

    private ForwardSweep.Result sweep(BatchThreads threads, CurrentTangentSource currents) {
        int k = dirs.vectors().length;
        List<Value> in = List.of(Value.constant(PAIRS, SENSORS, NdArrays.toDoubles(branch), k),
                Value.constant(PAIRS, 1, NdArrays.toDoubles(trunk), k));
        return ForwardSweep.run(graph, params, dirs.vectors(), dirs.segment(), in,
                List.of(NdArrays.toDoubles(labels)), 42, 0, threads, currents);
    }

    @Test
    void mergedBranchRowsGiveTheUnmergedLossOutputsAndTangents() {
        ForwardSweep.Result merged = sweep(BatchThreads.single(), null);
        ForwardSweep.Result full = sweep(BatchThreads.single(), NONE);
        // the branch swept FUNCTIONS rows, the trunk all PAIRS: fewer neuron steps than the full sweep
        assertThat(merged.neuronSteps()).isLessThan(full.neuronSteps());
        assertThat(merged.outputs()[0].primal()).containsExactly(full.outputs()[0].primal());
        assertThat(merged.loss()).isEqualTo(full.loss());
        for (int k = 0; k < dirs.vectors().length; k++) {
            double want = full.lossTangents()[k];
            assertThat(Math.abs(want)).isGreaterThan(1e-9);
            assertThat(merged.lossTangents()[k]).as("direction %d", k).isCloseTo(want, within(1e-12 * Math.abs(want)));
        }
    }

    @Test
    void mergedSweepMatchesBackpropAndIsTheSameForTwoThreads() {
        ForwardSweep.Result one = sweep(BatchThreads.single(), null);
        ForwardSweep.Result two = sweep(BatchThreads.of(2), null);
        assertThat(two.loss()).isEqualTo(one.loss());
        assertThat(two.lossTangents()).containsExactly(one.lossTangents());
        net.setInputs(branch, trunk);
        net.setLabels(labels);
        net.computeGradientAndScore();
        double[] grad = NdArrays.toDoubles(net.gradient().gradient());
        // DL4J's dense layers multiply by BLAS: the same outputs to round-off
        double[] bp = net.output(branch, trunk)[0].data().asDouble();
        for (int r = 0; r < PAIRS; r++) {
            assertThat(one.outputs()[0].primal()[r]).isCloseTo(bp[r], within(1e-12 * (1 + Math.abs(bp[r]))));
        }
        for (int k = 0; k < dirs.vectors().length; k++) {
            double exact = 0;
            for (int e = 0; e < params.length; e++) {
                exact += grad[e] * dirs.vectors()[k][e];
            }
            assertThat(one.lossTangents()[k]).as("direction %d", k).isCloseTo(exact, within(1e-9 * Math.abs(exact)));
        }
    }
}
