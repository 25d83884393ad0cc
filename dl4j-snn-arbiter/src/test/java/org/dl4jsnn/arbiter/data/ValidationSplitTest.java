package org.dl4jsnn.arbiter.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.arbiter.TestCandidates;
import org.dl4jsnn.arbiter.method.GradientMethod;
import org.dl4jsnn.arbiter.run.ValidationScore;
import org.dl4jsnn.data.MexicanHat;
import org.dl4jsnn.data.PointSamples;
import org.dl4jsnn.layer.NdArrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

class ValidationSplitTest {

    private static Properties props() {
        Properties p = new Properties();
        p.setProperty(MexicanHatSearchData.TRAIN_SIZE, "200");
        p.setProperty(MexicanHatSearchData.BATCH, "50");
        p.setProperty(MexicanHatSearchData.DATA_SEED, "42");
        return p;
    }

    @Test
    void scoreIsTheRelativeL2ErrorOnTheLastTenthOfTheTrainingPoints() {
        MultiLayerNetwork net = TestCandidates.mlp(GradientMethod.BP).build(3, 1, 10);
        // the independent fact: the training points the task generates, last 20 of 200
        PointSamples all = MexicanHat.generate(MexicanHat.Config.defaults().withSizes(200, 2)).train();
        PointSamples held = all.rows(180, 200);
        double[] pred = NdArrays.toDoubles(net.output(held.inputsArray(DataType.FLOAT), false));
        double num = 0;
        double den = 0;
        for (int i = 0; i < pred.length; i++) {
            num += (pred[i] - held.target(i)) * (pred[i] - held.target(i));
            den += held.target(i) * held.target(i);
        }
        double byHand = Math.sqrt(num / den);
        double score = new ValidationScore().score(net, MexicanHatSearchData.class, props());
        assertThat(score).isCloseTo(byHand, within(1e-6 * byHand));
        assertThat(new ValidationScore().minimize()).isTrue();
    }

    @Test
    void trainingBatchesNeverContainAValidationPoint() {
        MexicanHatSearchData data = new MexicanHatSearchData();
        data.configure(props());
        PointSamples held = ((PointValidationSet) data.testData()).samples();
        assertThat(held.size()).isEqualTo(20);
        Set<String> validation = new HashSet<>();
        for (int i = 0; i < held.size(); i++) {
            validation.add((double) (float) held.input(i, 0) + "," + (double) (float) held.input(i, 1));
        }
        DataSetIterator it = data.trainData();
        int seen = 0;
        while (it.hasNext()) {
            double[] x = NdArrays.toDoubles(it.next().getFeatures());
            for (int i = 0; i < x.length; i += 2) {
                assertThat(validation).doesNotContain((double) (float) x[i] + "," + (double) (float) x[i + 1]);
                seen++;
            }
        }
        assertThat(seen).isEqualTo(180);
    }

    @Test
    void aSplitThatLeavesNoValidationRowIsRejected() {
        Properties p = props();
        p.setProperty(MexicanHatSearchData.TRAIN_SIZE, "3");
        assertThatThrownBy(() -> new MexicanHatSearchData().configure(p)).hasMessageContaining("validation");
    }
}
