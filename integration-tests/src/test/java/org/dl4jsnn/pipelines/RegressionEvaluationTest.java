package org.dl4jsnn.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.eval.RelativeL2ScoreCalculator;
import org.dl4jsnn.testing.MexicanHatData;
import org.dl4jsnn.testing.Networks;
import org.dl4jsnn.train.RfgMultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

/** DL4J's RegressionEvaluation on a spiking network, checked against the metrics computed by hand. */
class RegressionEvaluationTest {

    @Test
    void regressionMetricsOfASpikingNetworkEqualAHandComputation() {
        RfgMultiLayerNetwork net = new RfgMultiLayerNetwork(Networks.mlp(21, DataType.DOUBLE, new Adam(1e-2), 2, 1,
                new SpikingDense.Builder().timeSteps(8), 10), RfgSettings.global(4));
        net.init();
        DataSet train = MexicanHatData.train(64, 2, DataType.DOUBLE);
        for (int i = 0; i < 10; i++) {
            net.fit(train);
        }
        DataSet test = MexicanHatData.train(90, 3, DataType.DOUBLE);
        // three minibatches: the evaluation must accumulate across them
        RegressionEvaluation eval = net.evaluateRegression(new ListDataSetIterator<>(test.asList(), 40));

        double[] p = net.output(test.getFeatures(), false).toDoubleVector();
        double[] y = test.getLabels().toDoubleVector();
        int n = y.length;
        double sse = 0;
        double sae = 0;
        double sumY = 0;
        double sumP = 0;
        double sumYY = 0;
        for (int i = 0; i < n; i++) {
            sse += (p[i] - y[i]) * (p[i] - y[i]);
            sae += Math.abs(p[i] - y[i]);
            sumY += y[i];
            sumP += p[i];
            sumYY += y[i] * y[i];
        }
        double meanY = sumY / n;
        double meanP = sumP / n;
        double sst = 0;
        double cov = 0;
        double varP = 0;
        for (int i = 0; i < n; i++) {
            sst += (y[i] - meanY) * (y[i] - meanY);
            cov += (y[i] - meanY) * (p[i] - meanP);
            varP += (p[i] - meanP) * (p[i] - meanP);
        }

        double tol = 1e-9;
        assertThat(eval.meanSquaredError(0)).isCloseTo(sse / n, within(tol));
        assertThat(eval.meanAbsoluteError(0)).isCloseTo(sae / n, within(tol));
        assertThat(eval.rootMeanSquaredError(0)).isCloseTo(Math.sqrt(sse / n), within(tol));
        assertThat(eval.relativeSquaredError(0)).isCloseTo(sse / sst, within(tol));
        assertThat(eval.rSquared(0)).isCloseTo(1 - sse / sst, within(tol));
        assertThat(eval.pearsonCorrelation(0)).isCloseTo(cov / Math.sqrt(sst * varP), within(tol));
        // the paper's metric, as the early-stopping score
        assertThat(new RelativeL2ScoreCalculator(new ListDataSetIterator<>(test.asList(), 40)).calculateScore(net))
                .isCloseTo(Math.sqrt(sse / sumYY), within(tol));
    }
}
