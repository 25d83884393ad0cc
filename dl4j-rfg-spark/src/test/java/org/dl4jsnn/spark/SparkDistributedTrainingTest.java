package org.dl4jsnn.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ServiceLoader;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.train.DistributedTraining;
import org.dl4jsnn.train.RfgComputationGraph;
import org.junit.jupiter.api.Test;

/** The service the command line finds, and how it reads a network's training method (no Spark started). */
class SparkDistributedTrainingTest {

    @Test
    void theServiceLoaderFindsTheSparkTrainer() {
        assertThat(ServiceLoader.load(DistributedTraining.class).findFirst()).get()
                .isInstanceOf(SparkDistributedTraining.class).extracting(DistributedTraining::name).isEqualTo("spark");
    }

    @Test
    void anRfgGraphTrainsByItsOwnSettingsAndAPlainGraphByBackPropagation() {
        ComputationGraph plain = MexicanHatNets.network(1);
        RfgSettings layerwise = RfgSettings.layerwise(3).withDirections(4);

        SparkTrainingConfig rfg = SparkDistributedTraining.config(RfgComputationGraph.wrap(plain, layerwise), 7, "d");
        SparkTrainingConfig bp = SparkDistributedTraining.config(plain, 7, "d");

        assertThat(rfg.isRfg()).isTrue();
        assertThat(rfg.rfg().settings()).isEqualTo(layerwise);
        assertThat(rfg.iterations()).isEqualTo(7);
        assertThat(bp.isRfg()).isFalse();
    }

    @Test
    void activityPerturbationIsRefusedByName() {
        ComputationGraph net = RfgComputationGraph.wrap(MexicanHatNets.network(1), RfgSettings.activity(3));

        assertThatThrownBy(() -> SparkDistributedTraining.config(net, 7, "d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("activity perturbation (RFG-A)");
    }
}
