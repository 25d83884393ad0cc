package org.dl4jsnn.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.termination.ScoreImprovementEpochTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.eval.RelativeL2ScoreCalculator;
import org.dl4jsnn.layer.SpikingDenseLayer;
import org.dl4jsnn.testing.MexicanHatData;
import org.dl4jsnn.testing.Networks;
import org.dl4jsnn.train.RfgMultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

/**
 * DL4J's EarlyStoppingTrainer driving an RFG network: the trainer calls the network's own fit (so the
 * gradient is the forward estimate, never back-propagation), scores each epoch on a validation set by
 * relative L2 error, stops once the score has not improved for a while, and returns the best epoch's model.
 */
class EarlyStoppingRfgTest {

    private static final int PATIENCE = 3;
    private static final int MAX_EPOCHS = 40;

    @Test
    void stopsAfterThePatienceAndReturnsTheBestEpochsModel() {
        // a small training set: the validation error falls for some epochs, then stops improving
        DataSet train = MexicanHatData.train(64, 6, DataType.FLOAT);
        DataSet validation = MexicanHatData.train(200, 7, DataType.FLOAT);
        RfgMultiLayerNetwork net = new RfgMultiLayerNetwork(Networks.mlp(13, DataType.FLOAT, new Adam(2e-2), 2, 1,
                new SpikingDense.Builder().timeSteps(8), 10), RfgSettings.global(8));
        net.init();
        RelativeL2ScoreCalculator score = new RelativeL2ScoreCalculator(new ListDataSetIterator<>(validation.asList(), 100));
        EarlyStoppingConfiguration<MultiLayerNetwork> conf = new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>()
                .epochTerminationConditions(new MaxEpochsTerminationCondition(MAX_EPOCHS),
                        new ScoreImprovementEpochTerminationCondition(PATIENCE))
                .scoreCalculator(score)
                .evaluateEveryNEpochs(1)
                .modelSaver(new InMemoryModelSaver<>())
                .build();

        EarlyStoppingResult<MultiLayerNetwork> result =
                new EarlyStoppingTrainer(conf, net, new ListDataSetIterator<>(train.asList(), 16)).fit();

        Map<Integer, Double> scores = result.getScoreVsEpoch();
        int best = scores.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(result.getTerminationReason()).isEqualTo(EarlyStoppingResult.TerminationReason.EpochTerminationCondition);
        assertThat(result.getTerminationDetails()).contains("ScoreImprovementEpochTerminationCondition");
        assertThat(result.getTotalEpochs()).isLessThan(MAX_EPOCHS);
        assertThat(result.getBestModelEpoch()).isEqualTo(best).isPositive();
        // (M2.1's getBestModelScore() after an epoch-condition stop is the best model's score(), its
        // last training loss, not the validation score: the validation score is in getScoreVsEpoch)
        // stopped exactly PATIENCE epochs after the best one
        assertThat(scores.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow()).isEqualTo(best + PATIENCE);

        // the returned model is the best epoch's, not the last: re-scoring it gives the recorded best score
        MultiLayerNetwork bestModel = result.getBestModel();
        assertThat(bestModel).isInstanceOf(RfgMultiLayerNetwork.class);
        assertThat(score.calculateScore(bestModel)).isCloseTo(scores.get(best), within(1e-12));
        assertThat(score.calculateScore(net)).isGreaterThan(scores.get(best));

        // the trainer's fit was the RFG network's: an estimate exists and no backward pass ran
        assertThat(net.lastEstimate()).isNotNull();
        for (Layer l : net.getLayers()) {
            if (l instanceof SpikingDenseLayer s) {
                assertThat(s.backwardPasses()).isZero();
            }
        }
    }
}
