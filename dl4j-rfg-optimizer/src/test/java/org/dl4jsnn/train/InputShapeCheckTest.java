package org.dl4jsnn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.function.Consumer;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.testing.Networks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * RFG must refuse every input that back-propagation refuses, with the same message, before any weight
 * moves: the fact checked here is back-propagation's own answer on an identical network.
 */
class InputShapeCheckTest {

    private static final int BATCH = 4;

    private static MultiLayerConfiguration spikingMlp() {
        return Networks.mlp(5, DataType.FLOAT, new Adam(1e-2), 2, 1, new SpikingDense.Builder().timeSteps(4), 6);
    }

    /** A DL4J dense layer first: its width check is DL4J's, not ours. */
    private static MultiLayerConfiguration denseFirstMlp() {
        return new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.FLOAT).updater(new Adam(1e-2))
                .weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nOut(3).activation(Activation.TANH).build())
                .layer(new SpikingDense.Builder().timeSteps(4).nOut(5).build())
                .layer(new TimeAverage.Builder().build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(1).build())
                .setInputType(InputType.feedForward(2)).build();
    }

    /** Two inputs of different widths, each into its own spiking layer, and two outputs. */
    private static ComputationGraphConfiguration twoInputGraph() {
        SpikingDense.Builder s = new SpikingDense.Builder().timeSteps(4);
        return new NeuralNetConfiguration.Builder().seed(9).dataType(DataType.FLOAT).updater(new Adam(1e-2))
                .weightInit(WeightInit.XAVIER).graphBuilder()
                .addInputs("a", "b")
                .addLayer("sa", s.nOut(4).build(), "a")
                .addLayer("sb", s.nOut(3).build(), "b")
                .addLayer("ra", new TimeAverage.Builder().build(), "sa")
                .addLayer("rb", new TimeAverage.Builder().build(), "sb")
                .addLayer("ya", new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).nOut(1).build(), "ra")
                .addLayer("yb", new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).nOut(2).build(), "rb")
                .setOutputs("ya", "yb")
                .setInputTypes(InputType.feedForward(2), InputType.feedForward(3))
                .build();
    }

    private static INDArray rand(long... shape) {
        Nd4j.getRandom().setSeed(3);
        return Nd4j.rand(DataType.FLOAT, shape);
    }

    /** Runs one fit of each network; both must fail alike and the RFG weights must not move. */
    private static <N> void sameRefusal(N bp, N rfg, Function<N, INDArray> params,
                                        Consumer<N> fit) {
        Throwable expected = catchThrowable(() -> fit.accept(bp));
        assertThat(expected).as("back-propagation refuses this input").isNotNull();
        INDArray before = params.apply(rfg).dup();
        Throwable actual = catchThrowable(() -> fit.accept(rfg));
        assertThat(actual).as("RFG refuses it too").isNotNull();
        assertThat(actual.getMessage()).isEqualTo(expected.getMessage());
        assertThat(actual).isInstanceOf(expected.getClass());
        assertThat(params.apply(rfg)).isEqualTo(before);
    }

    private static void mlnRefusal(MultiLayerConfiguration conf, RfgSettings settings, DataSet data) {
        MultiLayerNetwork bp = new MultiLayerNetwork(conf.clone());
        bp.init();
        RfgMultiLayerNetwork rfg = new RfgMultiLayerNetwork(conf.clone(), settings);
        rfg.init();
        sameRefusal(bp, rfg, MultiLayerNetwork::params, n -> n.fit(data));
    }

    @ParameterizedTest(name = "input width {0}")
    @ValueSource(ints = {1, 3, 200})
    void multiLayerNetworkRefusesWrongInputWidthLikeBackprop(int width) {
        DataSet data = new DataSet(rand(BATCH, width), rand(BATCH, 1));
        mlnRefusal(spikingMlp(), RfgSettings.global(1), data);
        mlnRefusal(spikingMlp(), RfgSettings.layerwise(1), data);
    }

    @ParameterizedTest(name = "input width {0}")
    @ValueSource(ints = {1, 3})
    void denseFirstLayerRefusesWrongWidthWithDl4jsMessage(int width) {
        mlnRefusal(denseFirstMlp(), RfgSettings.layerwise(1), new DataSet(rand(BATCH, width), rand(BATCH, 1)));
    }

    @Test
    void multiLayerNetworkRefusesWrongLabelsLikeBackprop() {
        mlnRefusal(spikingMlp(), RfgSettings.global(1), new DataSet(rand(BATCH, 2), rand(BATCH, 2)));
        mlnRefusal(spikingMlp(), RfgSettings.global(1), new DataSet(rand(BATCH, 2), rand(BATCH + 1, 1)));
    }

    @Test
    void rankOneAndRankFourInputsAreRefusedLikeBackprop() {
        mlnRefusal(spikingMlp(), RfgSettings.global(1), new DataSet(rand(BATCH, 2, 4, 1), rand(BATCH, 1)));
    }

    @Test
    void spikeTrainInputIsRefusedNamingTheLimit() {
        RfgMultiLayerNetwork rfg = new RfgMultiLayerNetwork(spikingMlp(), RfgSettings.layerwise(1));
        rfg.init();
        INDArray before = rfg.params().dup();
        Throwable t = catchThrowable(() -> rfg.fit(new DataSet(rand(BATCH, 2, 4), rand(BATCH, 1))));
        assertThat(t).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("[4, 2, 4]")
                .hasMessageContaining("spike train")
                .hasMessageContaining("[batch, nIn]");
        assertThat(rfg.params()).isEqualTo(before);
        // back-propagation accepts the same spike trains: the limit is RFG's alone
        MultiLayerNetwork bp = new MultiLayerNetwork(spikingMlp());
        bp.init();
        bp.fit(new DataSet(rand(BATCH, 2, 4), rand(BATCH, 1)));
    }

    private static void graphRefusal(RfgSettings settings, MultiDataSet data) {
        ComputationGraph bp = new ComputationGraph(twoInputGraph());
        bp.init();
        RfgComputationGraph rfg = new RfgComputationGraph(twoInputGraph(), settings);
        rfg.init();
        sameRefusal(bp, rfg, ComputationGraph::params, n -> n.fit(data));
    }

    @Test
    void everyInputOfAGraphIsCheckedLikeBackprop() {
        INDArray[] labels = {rand(BATCH, 1), rand(BATCH, 2)};
        // the first input right, the second wrong, and the other way round
        graphRefusal(RfgSettings.global(1), new MultiDataSet(new INDArray[] {rand(BATCH, 2), rand(BATCH, 2)}, labels));
        graphRefusal(RfgSettings.layerwise(1),
                new MultiDataSet(new INDArray[] {rand(BATCH, 3), rand(BATCH, 3)}, labels));
        graphRefusal(RfgSettings.layerwise(1),
                new MultiDataSet(new INDArray[] {rand(BATCH, 2), rand(BATCH, 300)}, labels));
    }

    @Test
    void everyLabelOfAGraphIsCheckedLikeBackprop() {
        INDArray[] in = {rand(BATCH, 2), rand(BATCH, 3)};
        graphRefusal(RfgSettings.global(1), new MultiDataSet(in, new INDArray[] {rand(BATCH, 1), rand(BATCH, 1)}));
        graphRefusal(RfgSettings.global(1), new MultiDataSet(in, new INDArray[] {rand(BATCH, 2), rand(BATCH, 2)}));
    }

    @Test
    void rightShapesStillTrain() {
        RfgComputationGraph rfg = new RfgComputationGraph(twoInputGraph(), RfgSettings.layerwise(1));
        rfg.init();
        INDArray before = rfg.params().dup();
        rfg.fit(new MultiDataSet(new INDArray[] {rand(BATCH, 2), rand(BATCH, 3)},
                new INDArray[] {rand(BATCH, 1), rand(BATCH, 2)}));
        assertThat(rfg.params()).isNotEqualTo(before);
    }
}
