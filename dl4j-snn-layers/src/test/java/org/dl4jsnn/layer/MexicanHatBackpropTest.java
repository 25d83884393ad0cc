package org.dl4jsnn.layer;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.testing.MexicanHatData;
import org.dl4jsnn.testing.Networks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

class MexicanHatBackpropTest {

    static double relativeL2(INDArray prediction, INDArray truth) {
        return prediction.sub(truth).norm2Number().doubleValue() / truth.norm2Number().doubleValue();
    }

    @Test
    void backpropWithAdamLearnsTheMexicanHat() {
        MultiLayerNetwork net = Networks.mexicanHat(42, DataType.FLOAT);
        DataSet train = MexicanHatData.train(10_000, 1, DataType.FLOAT);
        DataSet test = MexicanHatData.grid(100, DataType.FLOAT);
        double initial = relativeL2(net.output(test.getFeatures()), test.getLabels());

        ListDataSetIterator<DataSet> it = new ListDataSetIterator<>(train.asList(), 1000);
        long start = System.nanoTime();
        net.fit(it, 150);
        double seconds = (System.nanoTime() - start) / 1e9;
        double error = relativeL2(net.output(test.getFeatures()), test.getLabels());
        System.out.printf("Mexican hat BP: initial %.4f, after 1500 iterations %.4f (%.1f s)%n", initial, error,
                seconds);
        assertThat(error).isLessThan(0.10).isLessThan(initial);
    }
}
