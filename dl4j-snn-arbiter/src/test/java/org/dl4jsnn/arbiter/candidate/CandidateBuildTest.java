package org.dl4jsnn.arbiter.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.arbiter.TestCandidates;
import org.dl4jsnn.arbiter.data.DiffusionReactionSearchData;
import org.dl4jsnn.arbiter.data.PoissonSearchData;
import org.dl4jsnn.arbiter.method.GradientMethod;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.estimator.Perturbation;
import org.dl4jsnn.surrogate.Surrogate;
import org.dl4jsnn.train.RfgComputationGraph;
import org.dl4jsnn.train.RfgMultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CandidateBuildTest {

    @Test
    void rfgCandidateIsTrainedByTheEstimatorAndBpByBackprop() {
        MultiLayerNetwork rfg = TestCandidates.mlp(GradientMethod.RFG_G).build(11, 5, 10);
        MultiLayerNetwork bp = TestCandidates.mlp(GradientMethod.BP).build(11, 5, 10);
        assertThat(rfg).isInstanceOf(RfgMultiLayerNetwork.class);
        assertThat(bp).isNotInstanceOf(RfgMultiLayerNetwork.class);
        RfgMultiLayerNetwork r = (RfgMultiLayerNetwork) rfg;
        assertThat(r.settings().perturbation()).isEqualTo(Perturbation.GLOBAL);
        assertThat(r.settings().directions()).isEqualTo(2);
        assertThat(r.settings().seed()).isEqualTo(5);
        // same network seed: the two start from the same weights
        assertThat(rfg.params()).isEqualTo(bp.params());

        INDArray x = Nd4j.rand(DataType.FLOAT, 16, 2);
        INDArray y = Nd4j.rand(DataType.FLOAT, 16, 1);
        assertThat(r.lastEstimate()).isNull();
        INDArray before = rfg.params().dup();
        rfg.fit(x, y);
        assertThat(r.lastEstimate()).isNotNull();
        assertThat(rfg.params()).isNotEqualTo(before);
    }

    @Test
    void configurationSurvivesDl4jsJsonRoundTrip() {
        MultiLayerConfiguration conf = TestCandidates.mlp(GradientMethod.RFG_L).configuration(3, 100);
        assertThat(MultiLayerConfiguration.fromJson(conf.toJson())).isEqualTo(conf);
        assertThat(conf.getConf(0).getLayer()).isInstanceOf(SpikingDense.class);
    }

    @Test
    void deepOnetCandidateBuildsAsAnRfgGraphAndTrains() {
        Properties p = new Properties();
        p.setProperty(PoissonSearchData.TRAIN_FUNCTIONS, "10");
        p.setProperty(PoissonSearchData.SENSORS, "20");
        p.setProperty("batch", "64");
        PoissonSearchData data = new PoissonSearchData();
        data.configure(p);
        DeepOnetCandidate candidate = new DeepOnetCandidate(20, 8, 8, 4, Surrogate.gaussian(0.3), 1.0,
                TestCandidates.method(GradientMethod.RFG_L, 1));
        ComputationGraph net = candidate.build(7, 9, 20);
        assertThat(net).isInstanceOf(RfgComputationGraph.class);
        double before = data.testData().relativeL2(net);
        INDArray params = net.params().dup();
        var it = data.trainData();
        for (int i = 0; i < 5; i++) {
            if (!it.hasNext()) {
                it.reset();
            }
            net.fit(it.next());
        }
        assertThat(((RfgComputationGraph) net).lastEstimate()).isNotNull();
        assertThat(net.params()).isNotEqualTo(params);
        double after = data.testData().relativeL2(net);
        assertThat(after).isFinite().isNotEqualTo(before);
    }

    @Test
    void sepOnetCandidateBuildsAsAnRfgGraphAndTrainsOnTheGrid() {
        Properties p = new Properties();
        p.setProperty(PoissonSearchData.TRAIN_FUNCTIONS, "10");
        p.setProperty(PoissonSearchData.SENSORS, "11");
        p.setProperty(DiffusionReactionSearchData.GRID, "11,6,21,11");
        p.setProperty("batch", "3");
        var data = new DiffusionReactionSearchData();
        data.configure(p);
        assertThat(data.shape()).containsExactly(11, 11, 6);
        SepOnetCandidate candidate = new SepOnetCandidate(11, 11, 6, 6, 4, 4, Surrogate.gaussian(0.5),
                TestCandidates.method(GradientMethod.RFG_L, 1));
        ComputationGraph net = candidate.build(7, 9, 20);
        assertThat(net).isInstanceOf(RfgComputationGraph.class);
        INDArray params = net.params().dup();
        var it = data.trainData();
        for (int i = 0; i < 4; i++) {
            if (!it.hasNext()) {
                it.reset();
            }
            net.fit(it.next());
        }
        assertThat(((RfgComputationGraph) net).lastEstimate()).isNotNull();
        assertThat(net.params()).isNotEqualTo(params);
        assertThat(data.testData().size()).isEqualTo(1);
        assertThat(data.testData().relativeL2(net)).isFinite().isPositive();
    }
}
