package org.dl4jsnn.averaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.testing.MexicanHatData;
import org.dl4jsnn.testing.Networks;
import org.dl4jsnn.train.RfgMultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

class ParameterAverageTest {

    /** sum_i (1-d) d^(t-i) p_i / sum_i (1-d) d^(t-i), written out term by term. */
    private static double[] weightedMean(List<double[]> iterates, double d) {
        int t = iterates.size();
        double[] sum = new double[iterates.get(0).length];
        double mass = 0;
        for (int i = 1; i <= t; i++) {
            double w = (1 - d) * Math.pow(d, t - i);
            mass += w;
            double[] p = iterates.get(i - 1);
            for (int k = 0; k < sum.length; k++) {
                sum[k] += w * p[k];
            }
        }
        for (int k = 0; k < sum.length; k++) {
            sum[k] /= mass;
        }
        return sum;
    }

    @Test
    void valueIsTheNormalisedWeightedMeanOfEveryIterate() {
        Random r = new Random(7);
        ParameterAverage average = new ParameterAverage(0.9);
        List<double[]> iterates = new ArrayList<>();
        for (int t = 1; t <= 60; t++) {
            double[] p = r.doubles(5, -3, 3).toArray();
            iterates.add(p);
            average.update(Nd4j.createFromArray(p));
            assertThat(average.value(DataType.DOUBLE).toDoubleVector())
                    .containsExactly(weightedMean(iterates, 0.9), within(1e-12));
        }
        assertThat(average.steps()).isEqualTo(60);
    }

    @Test
    void theFirstValueIsTheFirstIterateAndAConstantStaysPut() {
        INDArray p = Nd4j.createFromArray(1.5f, -2.25f, 0.125f);
        ParameterAverage average = new ParameterAverage(0.999);
        average.update(p);
        assertThat(average.value(DataType.FLOAT).toFloatVector()).containsExactly(p.toFloatVector());
        for (int t = 0; t < 20_000; t++) {
            average.update(p);
        }
        assertThat(average.value(DataType.DOUBLE).toDoubleVector())
                .containsExactly(new double[] {1.5, -2.25, 0.125}, within(1e-9));
    }

    @Test
    void aRestoredAverageContinuesBitForBit() {
        Random r = new Random(3);
        ParameterAverage whole = new ParameterAverage(0.99);
        for (int t = 0; t < 10; t++) {
            whole.update(Nd4j.createFromArray(r.doubles(4).toArray()));
        }
        ParameterAverage resumed = ParameterAverage.restored(0.99, whole.steps(), whole.state());
        for (int t = 0; t < 10; t++) {
            INDArray p = Nd4j.createFromArray(r.doubles(4).toArray());
            whole.update(p);
            resumed.update(p);
        }
        assertThat(resumed.value(DataType.DOUBLE).toDoubleVector())
                .containsExactly(whole.value(DataType.DOUBLE).toDoubleVector());
        assertThat(resumed.steps()).isEqualTo(20);
    }

    @Test
    void badUseIsRefusedEarlyWithTheAllowedRange() {
        for (double d : new double[] {0, 1, -0.5, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> new ParameterAverage(d)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("decay").hasMessageContaining("(0, 1)");
        }
        ParameterAverage average = new ParameterAverage(0.9);
        assertThatThrownBy(() -> average.value(DataType.FLOAT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no iterate");
        average.update(Nd4j.ones(DataType.FLOAT, 3));
        assertThatThrownBy(() -> average.update(Nd4j.ones(DataType.FLOAT, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4").hasMessageContaining("3");
        assertThatThrownBy(() -> ParameterAverage.restored(0.9, 2, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state");
    }

    @Test
    void theListenerAveragesWhatEachFitEndsWithAndAppliedSwapsInAndBack() {
        DataSet data = MexicanHatData.train(64, 1, DataType.FLOAT);
        RfgMultiLayerNetwork net = new RfgMultiLayerNetwork(Networks.mlp(4, DataType.FLOAT, new Adam(3e-2), 2, 1,
                new SpikingDense.Builder().timeSteps(8), 8, 6), RfgSettings.layerwise(5));
        net.init();
        ParameterAveragingListener listener = new ParameterAveragingListener(new ParameterAverage(0.8));
        net.addListeners(listener);
        List<double[]> iterates = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            net.fit(data);
            iterates.add(net.params().castTo(DataType.DOUBLE).toDoubleVector());
        }
        ParameterAverage average = listener.average();
        assertThat(average.steps()).isEqualTo(12);
        assertThat(average.value(DataType.DOUBLE).toDoubleVector())
                .containsExactly(weightedMean(iterates, 0.8), within(1e-6));

        INDArray live = net.params().dup();
        INDArray liveOutput = net.output(data.getFeatures()).dup();
        // the same parameters in a network of its own: what the averaged network must compute
        MultiLayerNetwork reference = new MultiLayerNetwork(net.getLayerWiseConfigurations().clone());
        reference.init();
        reference.setParams(average.value(DataType.FLOAT));
        INDArray expected = reference.output(data.getFeatures());
        try (ParameterAverage.Applied applied = average.appliedTo(net)) {
            INDArray averagedOutput = net.output(data.getFeatures());
            assertThat(averagedOutput.toFloatVector()).containsExactly(expected.toFloatVector());
            assertThat(averagedOutput.toFloatVector()).isNotEqualTo(liveOutput.toFloatVector());
        }
        assertThat(net.params().toFloatVector()).containsExactly(live.toFloatVector());
        assertThat(net.output(data.getFeatures()).toFloatVector()).containsExactly(liveOutput.toFloatVector());
    }
}
