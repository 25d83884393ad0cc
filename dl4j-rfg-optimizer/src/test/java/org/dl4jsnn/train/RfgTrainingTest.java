package org.dl4jsnn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.earlystopping.scorecalc.DataSetLossCalculator;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.listeners.CheckpointListener;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.estimator.NonFiniteGradientException;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.layer.SpikingDenseLayer;
import org.dl4jsnn.testing.MexicanHatData;
import org.dl4jsnn.testing.Networks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class RfgTrainingTest {

    private static MultiLayerConfiguration small() {
        return Networks.mlp(4, DataType.FLOAT, new Adam(1e-2), 2, 1, new SpikingDense.Builder().timeSteps(8), 8, 6);
    }

    private static double relativeL2(INDArray prediction, INDArray truth) {
        return prediction.sub(truth).norm2Number().doubleValue() / truth.norm2Number().doubleValue();
    }

    /** Counts what DL4J reports: backward passes (only back-propagation signals them) and iterations. */
    private static final class Counter extends BaseTrainingListener {
        final AtomicInteger backward = new AtomicInteger();
        final AtomicInteger iterations = new AtomicInteger();

        @Override
        public void onBackwardPass(Model model) {
            backward.incrementAndGet();
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            iterations.incrementAndGet();
        }
    }

    private static long backwardPasses(MultiLayerNetwork net) {
        long n = 0;
        for (Layer l : net.getLayers()) {
            if (l instanceof SpikingDenseLayer s) {
                n += s.backwardPasses();
            }
        }
        return n;
    }

    @Test
    void rfgTrainingRunsNoBackwardPass() {
        DataSet data = MexicanHatData.train(64, 1, DataType.FLOAT);
        RfgMultiLayerNetwork rfg = new RfgMultiLayerNetwork(small(), RfgSettings.layerwise(1));
        rfg.init();
        Counter rfgCount = new Counter();
        rfg.setListeners(rfgCount);
        for (int i = 0; i < 5; i++) {
            rfg.fit(data);
        }
        assertThat(rfgCount.iterations.get()).isEqualTo(5);
        assertThat(rfgCount.backward.get()).isZero();
        assertThat(backwardPasses(rfg)).isZero();

        // the control: back-propagation is seen by both counters
        MultiLayerNetwork bp = new MultiLayerNetwork(small());
        bp.init();
        Counter bpCount = new Counter();
        bp.setListeners(bpCount);
        bp.fit(data);
        assertThat(bpCount.backward.get()).isEqualTo(1);
        assertThat(backwardPasses(bp)).isEqualTo(2);
    }

    @Test
    void sameSeedSameTrajectoryAndRestoredTrainingContinuesIdentically(@TempDir Path dir) throws Exception {
        DataSet data = MexicanHatData.train(64, 2, DataType.FLOAT);
        RfgSettings settings = RfgSettings.global(9).withDirections(2);
        RfgMultiLayerNetwork a = new RfgMultiLayerNetwork(small(), settings);
        RfgMultiLayerNetwork b = new RfgMultiLayerNetwork(small(), settings);
        a.init();
        b.init();
        for (int i = 0; i < 4; i++) {
            a.fit(data);
            b.fit(data);
        }
        assertThat(a.params()).isEqualTo(b.params());

        File file = dir.resolve("rfg.zip").toFile();
        ModelSerializer.writeModel(a, file, true);
        RfgMultiLayerNetwork restored = RfgMultiLayerNetwork.restore(file, settings);
        for (int i = 0; i < 4; i++) {
            a.fit(data);
            restored.fit(data);
        }
        assertThat(restored.params()).isEqualTo(a.params());

        RfgMultiLayerNetwork other = new RfgMultiLayerNetwork(small(), RfgSettings.global(10).withDirections(2));
        other.init();
        other.fit(data);
        RfgMultiLayerNetwork fresh = new RfgMultiLayerNetwork(small(), settings);
        fresh.init();
        fresh.fit(data);
        assertThat(other.params()).isNotEqualTo(fresh.params());
    }

    @Test
    void earlyStoppingAndCheckpointListenerWorkWithRfg(@TempDir Path dir) {
        DataSet data = MexicanHatData.train(200, 5, DataType.FLOAT);
        RfgMultiLayerNetwork net = new RfgMultiLayerNetwork(small(), RfgSettings.layerwise(2));
        net.init();
        net.setListeners(new CheckpointListener.Builder(dir.toFile())
                .saveEveryNIterations(5).keepLast(2).build());
        ListDataSetIterator<DataSet> train = new ListDataSetIterator<>(data.asList(), 50);
        EarlyStoppingConfiguration<MultiLayerNetwork> es =
                new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>()
                        .epochTerminationConditions(
                                new MaxEpochsTerminationCondition(3))
                        .scoreCalculator(new DataSetLossCalculator(
                                new ListDataSetIterator<>(data.asList(), 100), true))
                        .modelSaver(new InMemoryModelSaver<>())
                        .build();
        EarlyStoppingResult<MultiLayerNetwork> result =
                new EarlyStoppingTrainer(es, net, train).fit();
        assertThat(result.getTotalEpochs()).isEqualTo(3);
        assertThat(result.getBestModel()).isInstanceOf(RfgMultiLayerNetwork.class);
        assertThat(Double.isFinite(result.getBestModelScore())).isTrue();
        assertThat(backwardPasses(net)).isZero();
        assertThat(dir.toFile().list((d, name) -> name.endsWith(".zip"))).isNotEmpty();
    }

    @Test
    void divergingTrainingStopsNamingTheIterationWithoutTouchingWeights() {
        MultiLayerConfiguration conf = Networks.mlp(4, DataType.FLOAT, new Sgd(1e30), 2, 1,
                new SpikingDense.Builder().timeSteps(4), 4);
        RfgMultiLayerNetwork net = new RfgMultiLayerNetwork(conf, RfgSettings.global(1));
        net.init();
        DataSet data = MexicanHatData.train(16, 3, DataType.FLOAT);
        INDArray before = null;
        try {
            for (int i = 0; i < 10; i++) {
                before = net.params().dup();
                net.fit(data);
            }
        } catch (NonFiniteGradientException e) {
            assertThat(e.getMessage()).containsPattern("RFG iteration \\d+");
            assertThat(net.params()).isEqualTo(before);
            return;
        }
        throw new AssertionError("a learning rate of 1e30 should have produced a non-finite loss");
    }

    @Test
    void nanInputIsRejectedNamingIt() {
        RfgMultiLayerNetwork net = new RfgMultiLayerNetwork(small(), RfgSettings.global(1));
        net.init();
        INDArray x = Nd4j.create(new float[][] {{0.1f, Float.NaN}});
        assertThatThrownBy(() -> net.fit(new DataSet(x, Nd4j.zeros(DataType.FLOAT, 1, 1))))
                .hasMessageContaining("input 0 at iteration 0").hasMessageContaining("NaN");
    }

    @Test
    void rejectsInvalidSettingsAndUnsupportedLayers() {
        assertThatThrownBy(() -> RfgSettings.global(1).withDirections(0))
                .hasMessageContaining("directions K must be >= 1");
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(3).build())
                .layer(new ActivationLayer(Activation.TANH))
                .layer(new OutputLayer.Builder(
                        LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).nOut(1).build())
                .setInputType(InputType.feedForward(2))
                .build();
        RfgMultiLayerNetwork net = new RfgMultiLayerNetwork(conf, RfgSettings.global(1));
        net.init();
        DataSet data = MexicanHatData.train(4, 3, DataType.FLOAT);
        assertThatThrownBy(() -> net.fit(data)).hasMessageContaining("ActivationLayer")
                .hasMessageContaining("no forward-mode rule");
    }

    @Test
    void layerwiseRfgWithAdamLearnsTheMexicanHat() {
        RfgMultiLayerNetwork net = new RfgMultiLayerNetwork(
                Networks.mlp(42, DataType.FLOAT, new Adam(5e-3), 2, 1, new SpikingDense.Builder().timeSteps(32), 16, 16),
                RfgSettings.layerwise(7));
        net.init();
        DataSet train = MexicanHatData.train(10_000, 1, DataType.FLOAT);
        DataSet test = MexicanHatData.grid(100, DataType.FLOAT);
        double initial = relativeL2(net.output(test.getFeatures()), test.getLabels());
        long start = System.nanoTime();
        net.fit(new ListDataSetIterator<>(train.asList(), 1000), 150);
        double error = relativeL2(net.output(test.getFeatures()), test.getLabels());
        System.out.printf("Mexican hat RFG-L: initial %.4f, after 1500 iterations %.4f (%.1f s)%n", initial, error,
                (System.nanoTime() - start) / 1e9);
        assertThat(error).isLessThan(0.30);
    }
}
