package org.dl4jsnn.samediff.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.estimator.ForwardGradientEstimator;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.forward.ForwardGraph;
import org.dl4jsnn.layer.NdArrays;
import org.dl4jsnn.samediff.rfg.GradientEstimate;
import org.dl4jsnn.samediff.rfg.SameDiffRfgTrainer;
import org.dl4jsnn.surrogate.Surrogate;
import org.dl4jsnn.testing.Networks;
import org.dl4jsnn.train.RfgMultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/** The SameDiff engine against the DL4J engine on the same spiking network, weights and seeds. */
class SpikingMlpImportTest {

    private static final int BATCH = 12;
    private static final int STEPS = 6;

    private static Surrogate surrogate(String kind) {
        return kind.equals("SG") ? Surrogate.gaussian(0.5) : Surrogate.stein(0.5, 8);
    }

    /** 3-7-5-2, T = 6, double precision, network seed 21. */
    private static MultiLayerNetwork dl4j(String kind) {
        MultiLayerNetwork net = new MultiLayerNetwork(Networks.mlp(21, DataType.DOUBLE, new Adam(2e-2), 3, 2,
                new SpikingDense.Builder().timeSteps(STEPS).surrogate(surrogate(kind)), 7, 5));
        net.init();
        return net;
    }

    private static DataSet data(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[BATCH * 3];
        double[] y = new double[BATCH * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2.5 * r.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextGaussian();
        }
        return new DataSet(Nd4j.create(x, new long[] {BATCH, 3}, DataType.DOUBLE),
                Nd4j.create(y, new long[] {BATCH, 2}, DataType.DOUBLE));
    }

    @ParameterizedTest(name = "{0}, forward mode only: {1}")
    @CsvSource({"SG,false", "WSG,false", "SG,true"})
    void sameSpikesAndLossAsSpikingDense(String kind, boolean forwardModeOnly) {
        MultiLayerNetwork net = dl4j(kind);
        SpikingMlpGraph graph = SpikingMlpImport.of(net, forwardModeOnly);
        DataSet ds = data(22);
        List<INDArray> activations = net.feedForward(ds.getFeatures(), false);
        double total = 0;
        long count = 0;
        for (int l = 0; l < 2; l++) {
            double[] dl4j = NdArrays.toDoubles(activations.get(l + 1));          // [batch][neuron][t]
            Map<String, INDArray> out = graph.sameDiff().output(Map.of(graph.input(), ds.getFeatures()),
                    graph.layerSpikes().get(l));
            int width = l == 0 ? 7 : 5;
            double[] sd = new double[dl4j.length];
            for (int t = 0; t < STEPS; t++) {
                INDArray s = out.get(graph.layerSpikes().get(l).get(t));
                for (int b = 0; b < BATCH; b++) {
                    for (int j = 0; j < width; j++) {
                        sd[(b * width + j) * STEPS + t] = s.getDouble(b, j);
                    }
                }
            }
            assertThat(sd).as("layer %d spikes", l).containsExactly(dl4j);
            for (double v : dl4j) {
                total += v;
            }
            count += dl4j.length;
        }
        assertThat(total / count).as("spike rate: the comparison must see both spikes and silences")
                .isBetween(0.05, 0.95);
        double sdLoss = graph.sameDiff().output(graph.placeholders(ds.getFeatures(), ds.getLabels()), graph.loss())
                .get(graph.loss()).getDouble(0);
        assertThat(sdLoss).isCloseTo(net.score(ds), within(1e-12 * net.score(ds)));
    }

    /**
     * For the same (seed, iteration) both engines draw the same directions, and with the same weights
     * (and, for WSG, the same counter-addressed noise) measure the same directional derivatives: the
     * SameDiff loss is the minibatch mean, DL4J's sweep the sum, hence the factor BATCH.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SG", "WSG"})
    void sameDirectionsAndDirectionalDerivativesAsTheDl4jEngine(String kind) {
        RfgSettings settings = RfgSettings.layerwise(23).withDirections(2);
        RfgMultiLayerNetwork rfg = RfgMultiLayerNetwork.wrap(dl4j(kind), settings);
        SpikingMlpGraph graph = SpikingMlpImport.of(rfg);
        SameDiffRfgTrainer trainer = SameDiffRfgTrainer.builder(graph.sameDiff(), graph.loss())
                .parameterGroups(graph.layerParameters()).spikes(graph.spikes()).rfg(settings)
                .networkSeed(21).build();

        ForwardGradientEstimator estimator = new ForwardGradientEstimator(settings);
        ForwardGraph forwardGraph = ForwardGraph.of(rfg);
        for (long iteration : new long[] {0, 1, 977}) {
            double[][] dl4jDirections = estimator.directions(forwardGraph, (int) rfg.numParams(), iteration).vectors();
            assertThat(trainer.directions(iteration)).as("iteration %d", iteration).isDeepEqualTo(dl4jDirections);
        }

        DataSet ds = data(24);
        rfg.setInput(ds.getFeatures());
        rfg.setLabels(ds.getLabels());
        rfg.computeGradientAndScore();
        double[] dl4jTangents = rfg.lastEstimate().sweep().lossTangents();
        GradientEstimate sd = trainer.estimate(graph.placeholders(ds.getFeatures(), ds.getLabels()));
        assertThat(sd.directionalDerivatives()).hasSize(dl4jTangents.length).hasSize(6);
        for (int row = 0; row < dl4jTangents.length; row++) {
            assertThat(sd.directionalDerivatives().get(row) * BATCH).as("direction %d", row)
                    .isCloseTo(dl4jTangents[row], within(1e-9 * Math.abs(dl4jTangents[row]) + 1e-12));
        }
        assertThat(Math.abs(dl4jTangents[0])).as("a nonzero derivative, so the comparison means something")
                .isGreaterThan(1e-6);
        if (kind.equals("WSG")) {
            // control: other noise (another network seed) gives other derivatives, so the noise was matched
            SpikingMlpGraph other = SpikingMlpImport.of(rfg);
            GradientEstimate otherNoise = SameDiffRfgTrainer.builder(other.sameDiff(), other.loss())
                    .parameterGroups(other.layerParameters()).spikes(other.spikes()).rfg(settings).networkSeed(22)
                    .build().estimate(other.placeholders(ds.getFeatures(), ds.getLabels()));
            assertThat(otherNoise.directionalDerivatives().get(0) * BATCH)
                    .isNotCloseTo(dl4jTangents[0], within(1e-3 * Math.abs(dl4jTangents[0])));
        }
    }

    /** Training: the same Adam steps from the same start give the same parameters, step after step. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SG", "WSG"})
    void sameTrainingTrajectoryAsTheDl4jEngine(String kind) {
        RfgSettings settings = RfgSettings.global(25);
        RfgMultiLayerNetwork rfg = RfgMultiLayerNetwork.wrap(dl4j(kind), settings);
        SpikingMlpGraph graph = SpikingMlpImport.of(rfg, true);   // bare-step spikes: forward mode needs no more
        SameDiffRfgTrainer trainer = SameDiffRfgTrainer.builder(graph.sameDiff(), graph.loss())
                .parameterGroups(graph.layerParameters()).spikes(graph.spikes()).rfg(settings)
                .networkSeed(21).updater(new Adam(2e-2)).build();
        for (int i = 0; i < 4; i++) {
            DataSet ds = data(30 + i);
            rfg.fit(ds);
            trainer.step(graph.placeholders(ds.getFeatures(), ds.getLabels()));
        }
        MultiLayerNetwork copy = dl4j(kind);
        SpikingMlpImport.copyParameters(graph, copy);
        INDArray before = dl4j(kind).params();
        assertThat(rfg.params().sub(before).norm2Number().doubleValue()).as("training moved the weights")
                .isGreaterThan(1e-3);
        assertThat(copy.params().sub(rfg.params()).norm2Number().doubleValue()
                / rfg.params().norm2Number().doubleValue()).isLessThan(1e-10);
    }
}
