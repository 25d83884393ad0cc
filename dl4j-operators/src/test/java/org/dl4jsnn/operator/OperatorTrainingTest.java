package org.dl4jsnn.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.data.DeepOnetIterator;
import org.dl4jsnn.data.DiffusionReactionDataset;
import org.dl4jsnn.data.PoissonDataset;
import org.dl4jsnn.data.SepOnetIterator;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.train.RfgComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/** Smoke tests at a small size: both gradient methods train both operator networks. */
class OperatorTrainingTest {

    private static ComputationGraph create(ComputationGraphConfiguration conf, boolean rfg) {
        ComputationGraph g = rfg ? new RfgComputationGraph(conf, RfgSettings.layerwise(5)) : new ComputationGraph(conf);
        g.init();
        return g;
    }

    @ParameterizedTest(name = "rfg={0}")
    @ValueSource(booleans = {false, true})
    void deepOnetLearnsThePoissonOperator(boolean rfg) {
        PoissonDataset data = PoissonDataset.generate(PoissonDataset.Config.defaults().withSensors(20).withSizes(60, 20));
        ComputationGraph net = create(SpikingDeepOnet.builder().sensors(20).hidden(16).latent(8).timeSteps(8)
                .updater(new Adam(rfg ? 3e-3 : 1e-2)).build(), rfg);
        double initial = OperatorMetrics.meanRelativeL2(OperatorMetrics.predictDeepOnet(net, data.test(),
                DataType.FLOAT), OperatorMetrics.solutions(data.test()));
        net.fit(new DeepOnetIterator(data.train(), 200, 1), rfg ? 40 : 15);
        double error = OperatorMetrics.meanRelativeL2(OperatorMetrics.predictDeepOnet(net, data.test(),
                DataType.FLOAT), OperatorMetrics.solutions(data.test()));
        System.out.printf("DeepONet Poisson %s: %.4f -> %.4f%n", rfg ? "RFG-L" : "BP", initial, error);
        assertThat(error).isLessThan(0.7 * initial);
    }

    @ParameterizedTest(name = "rfg={0}")
    @ValueSource(booleans = {false, true})
    void sepOnetLearnsTheDiffusionReactionOperator(boolean rfg) {
        DiffusionReactionDataset data = DiffusionReactionDataset.generate(new DiffusionReactionDataset.Config(
                21, 40, 10, 0.2, 1.0, 0.01, 0.01, 21, 21, 81, 81, 3));
        ComputationGraph net = create(SpikingSepOnet.builder().sensors(21).hidden(16).rank(8).timeSteps(8)
                .grid(21, 21).updater(new Adam(rfg ? 3e-3 : 1e-2)).build(), rfg);
        double initial = OperatorMetrics.meanRelativeL2(OperatorMetrics.predictSepOnet(net, data.test(),
                DataType.FLOAT), OperatorMetrics.solutions(data.test()));
        net.fit(new SepOnetIterator(data.train(), 10, 1), rfg ? 250 : 20);
        double error = OperatorMetrics.meanRelativeL2(OperatorMetrics.predictSepOnet(net, data.test(),
                DataType.FLOAT), OperatorMetrics.solutions(data.test()));
        System.out.printf("SepONet diffusion-reaction %s: %.4f -> %.4f%n", rfg ? "RFG-L" : "BP", initial, error);
        assertThat(error).isLessThan(0.7 * initial);
    }
}
