package org.dl4jsnn.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.emulator.LoihiEmulator;
import org.dl4jsnn.emulator.PipelinedReference;
import org.dl4jsnn.neuron.ResetMode;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** A subtract-reset model switched to reset-to-zero and fine-tuned on the grid exports exactly. */
class ResetConversionTest {

    @Test
    void convertedAndFineTunedModelRunsZeroResetAndExportsExactly() {
        ComputationGraph trained = MexicanHatModels.trained(ResetMode.SUBTRACT, 21, 40);
        assertThat(ResetConversion.nonZeroResetLayers(trained)).isEqualTo(2);
        ComputationGraph net = ResetConversion.toZero(trained);
        assertThat(ResetConversion.nonZeroResetLayers(net)).isZero();
        assertThat(ResetConversion.nonZeroResetLayers(trained)).isEqualTo(2);
        assertThat(net.params()).isEqualTo(trained.params());
        SpikingMlp mlp = SpikingMlpExtractor.extract(net, "u");
        assertThat(mlp.resetMode()).isEqualTo(ResetMode.ZERO);
        double[][] x = TestModels.inputs(2, 30, 2, 3);
        // the live layers reset to zero: DL4J's output equals the float kernel run with reset-to-zero
        float[] dl4j = net.outputSingle(Nd4j.createFromArray(toFloat(x))).toFloatVector();
        FloatSpikingMlp zero = new FloatSpikingMlp(mlp);
        for (int s = 0; s < x.length; s++) {
            assertThat(zero.run(x[s])[0]).isCloseTo(dl4j[s], within(1e-5));
        }

        new QuantizationAwareFineTune(net, "u").run(MexicanHatModels.trainData(3), 30);
        LoihiNetwork q = Quantizer.quantize(SpikingMlpExtractor.extract(net, "u"), 3.0).network();
        LoihiEmulator em = new LoihiEmulator(q);
        PipelinedReference ref = new PipelinedReference(q);
        for (double[] row : TestModels.inputs(4, 300, 2, 3)) {
            var e = em.run(row, true);
            var r = ref.run(row);
            for (int l = 0; l < r.spikeTrains().length; l++) {
                assertThat(e.spikeTrains()[l]).isEqualTo(r.spikeTrains()[l]);
            }
            assertThat(e.output()[0]).isEqualTo(r.output()[0]);
        }
    }

    private static float[][] toFloat(double[][] x) {
        float[][] f = new float[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                f[i][j] = (float) x[i][j];
            }
        }
        return f;
    }
}
