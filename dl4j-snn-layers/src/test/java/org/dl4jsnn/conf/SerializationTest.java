package org.dl4jsnn.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jsnn.neuron.ResetMode;
import org.dl4jsnn.surrogate.Surrogate;
import org.dl4jsnn.testing.MexicanHatData;
import org.dl4jsnn.testing.Networks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

class SerializationTest {

    private static MultiLayerConfiguration unusualConfig() {
        SpikingDense.Builder hidden = new SpikingDense.Builder().timeSteps(7).threshold(0.8).beta(0.9)
                .resetMode(ResetMode.ZERO).resetDifferentiated(true).surrogate(Surrogate.stein(0.4, 5));
        return Networks.mlp(5, DataType.FLOAT, new Adam(3e-3), 2, 1, hidden, 6, 4);
    }

    @Test
    void jsonRoundTripKeepsEverySetting() {
        MultiLayerConfiguration conf = unusualConfig();
        String json = conf.toJson();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(json);
        assertThat(back).isEqualTo(conf);
        SpikingDense layer = (SpikingDense) back.getConf(0).getLayer();
        assertThat(layer.getTimeSteps()).isEqualTo(7);
        assertThat(layer.getThreshold()).isEqualTo(0.8);
        assertThat(layer.getBeta()).isEqualTo(0.9);
        assertThat(layer.getResetMode()).isEqualTo(ResetMode.ZERO);
        assertThat(layer.isResetDifferentiated()).isTrue();
        assertThat(layer.getSurrogate()).isEqualTo(Surrogate.stein(0.4, 5));
        assertThat(json).contains("\"WSG\"");
    }

    @Test
    void modelSerializerRestoresOutputsAndContinuedTraining(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(unusualConfig());
        net.init();
        DataSet data = MexicanHatData.train(64, 9, DataType.FLOAT);
        Nd4j.getRandom().setSeed(1);
        net.fit(data);
        File file = dir.resolve("net.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);

        assertThat(restored.getLayerWiseConfigurations()).isEqualTo(net.getLayerWiseConfigurations());
        assertThat(restored.output(data.getFeatures())).isEqualTo(net.output(data.getFeatures()));

        // the same random stream for both, so the WSG draws match too
        for (MultiLayerNetwork n : new MultiLayerNetwork[] {net, restored}) {
            Nd4j.getRandom().setSeed(77);
            for (int i = 0; i < 3; i++) {
                n.fit(data);
            }
        }
        assertThat(restored.params()).isEqualTo(net.params());
        assertThat(restored.getUpdater().getStateViewArray()).isEqualTo(net.getUpdater().getStateViewArray());
    }
}
