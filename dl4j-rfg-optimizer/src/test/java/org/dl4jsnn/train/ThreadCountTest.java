package org.dl4jsnn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.conf.SpikingDense;
import org.assertj.core.data.Offset;
import org.dl4jsnn.estimator.ForwardGradientEstimator;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.forward.ForwardGraph;
import org.dl4jsnn.forward.ForwardSweep;
import org.dl4jsnn.forward.Value;
import org.dl4jsnn.layer.NdArrays;
import org.dl4jsnn.layer.SpikingLayers;
import org.dl4jsnn.parallel.BatchChunks;
import org.dl4jsnn.parallel.BatchThreads;
import org.dl4jsnn.surrogate.Surrogate;
import org.dl4jsnn.testing.MexicanHatData;
import org.dl4jsnn.testing.Networks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The thread count changes no bit: back-propagation's gradient, the RFG estimate and a few fit iterations
 * by each method, for 1, 2 and 3 threads, on a minibatch of three chunks. WSG noise makes a lost example
 * index visible.
 */
class ThreadCountTest {

    private static final int BATCH = 2 * BatchChunks.SIZE + 100;
    private static final int[] THREADS = {1, 2, 3};

    private static MultiLayerConfiguration conf() {
        return conf(DataType.DOUBLE);
    }

    /** FLOAT runs the float kernels, DOUBLE the double ones: both must ignore the thread count. */
    private static MultiLayerConfiguration conf(DataType type) {
        return Networks.mlp(5, type, new Adam(1e-2), 2, 1,
                new SpikingDense.Builder().timeSteps(6).surrogate(Surrogate.stein(0.5, 4)), 8, 6);
    }

    private static DataSet data() {
        return data(DataType.DOUBLE);
    }

    private static DataSet data(DataType type) {
        return MexicanHatData.train(BATCH, 3, type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DOUBLE", "FLOAT"})
    void backPropagationGradientAndFitDoNotDependOnThreads(String type) {
        DataType dataType = DataType.valueOf(type);
        DataSet data = data(dataType);
        List<INDArray> gradients = new ArrayList<>();
        List<INDArray> params = new ArrayList<>();
        for (int n : THREADS) {
            try (BatchThreads threads = BatchThreads.of(n)) {
                MultiLayerNetwork net = new MultiLayerNetwork(conf(dataType));
                net.init();
                SpikingLayers.setBatchThreads(net, threads);
                net.setInput(data.getFeatures());
                net.setLabels(data.getLabels());
                net.computeGradientAndScore();
                gradients.add(net.gradient().gradient().dup());
                for (int i = 0; i < 3; i++) {
                    net.fit(data);
                }
                params.add(net.params().dup());
            }
        }
        assertThat(gradients.get(0).norm2Number().doubleValue()).isPositive();
        for (int k = 1; k < THREADS.length; k++) {
            assertThat(gradients.get(k).data().asDouble()).isEqualTo(gradients.get(0).data().asDouble());
            assertThat(params.get(k).data().asDouble()).isEqualTo(params.get(0).data().asDouble());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DOUBLE", "FLOAT"})
    void rfgEstimateAndFitDoNotDependOnThreads(String type) {
        DataType dataType = DataType.valueOf(type);
        DataSet data = data(dataType);
        List<double[]> estimates = new ArrayList<>();
        List<INDArray> params = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (int n : THREADS) {
            try (BatchThreads threads = BatchThreads.of(n)) {
                RfgMultiLayerNetwork net = new RfgMultiLayerNetwork(conf(dataType), RfgSettings.layerwise(4).withDirections(2));
                net.init();
                net.setBatchThreads(threads);
                net.fit(data);
                estimates.add(net.lastEstimate().gradient().clone());
                losses.add(net.lastEstimate().sweep().loss());
                for (int i = 0; i < 2; i++) {
                    net.fit(data);
                }
                params.add(net.params().dup());
            }
        }
        assertThat(estimates.get(0)).isNotEqualTo(new double[estimates.get(0).length]);
        for (int k = 1; k < THREADS.length; k++) {
            assertThat(estimates.get(k)).isEqualTo(estimates.get(0));
            assertThat(losses.get(k)).isEqualTo(losses.get(0));
            assertThat(params.get(k).data().asDouble()).isEqualTo(params.get(0).data().asDouble());
        }
    }

    /**
     * The JVP identity on chunks: dL.v from the threaded forward sweep equals back-propagation's gradient
     * times v. Both draw WSG noise by example index, so a chunk that lost its offset breaks the identity.
     */
    @Test
    void chunkedSweepAndChunkedBackPropagationAgreeOnTheJvp() {
        DataSet data = data();
        MultiLayerNetwork net = new MultiLayerNetwork(conf());
        net.init();
        net.setInput(data.getFeatures());
        net.setLabels(data.getLabels());
        net.computeGradientAndScore();
        double[] grad = NdArrays.toDoubles(net.gradient().gradient());
        double[] params = NdArrays.toDoubles(net.params());
        ForwardGraph graph = ForwardGraph.of(net);
        RfgSettings settings = RfgSettings.global(6).withDirections(3);
        ForwardGradientEstimator.Directions dirs = new ForwardGradientEstimator(settings)
                .directions(graph, params.length, 0);
        List<Value> in = List.of(Value.constant(BATCH, 2, NdArrays.toDoubles(data.getFeatures()), 3));
        ForwardSweep.Result r;
        try (BatchThreads threads = BatchThreads.of(2)) {
            r = ForwardSweep.run(graph, params, dirs.vectors(), dirs.segment(), in,
                    List.of(NdArrays.toDoubles(data.getLabels())), net.getLayerWiseConfigurations().getConf(0).getSeed(),
                    0, threads);
        }
        for (int k = 0; k < 3; k++) {
            double exact = 0;
            for (int e = 0; e < params.length; e++) {
                exact += grad[e] * dirs.vectors()[k][e];
            }
            assertThat(Math.abs(exact)).isGreaterThan(1e-6);
            assertThat(r.lossTangents()[k]).isCloseTo(exact, Offset.offset(1e-9 * Math.abs(exact)));
        }
    }
}
