package org.dl4jsnn.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.dl4jsnn.conf.SpikingDense;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.forward.ForwardGraph;
import org.dl4jsnn.layer.SpikingDenseLayer;
import org.dl4jsnn.testing.MexicanHatData;
import org.dl4jsnn.testing.Networks;
import org.dl4jsnn.train.RfgComputationGraph;
import org.dl4jsnn.train.RfgMultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J's TransferLearning on a spiking network: the spiking feature layers are frozen, the readout is
 * replaced, and the new network is fine-tuned by RFG inside DL4J's own fit.
 */
class TransferLearningRfgTest {

    /** Layers 0 and 1 are spiking, 2 the time average, 3 the readout. */
    private static final int LAST_FROZEN = 1;

    /**
     * The MSE of the best affine map from the features to the labels: the normal equations solved by
     * Gaussian elimination, with a negligible ridge because silent neurons give all-zero feature columns.
     */
    private static double leastSquaresLoss(INDArray features, INDArray labels) {
        double[][] f = features.castTo(DataType.DOUBLE).toDoubleMatrix();
        double[] y = labels.castTo(DataType.DOUBLE).toDoubleVector();
        int n = y.length;
        int d = f[0].length + 1;
        double[][] a = new double[d][d + 1];
        for (int r = 0; r < n; r++) {
            double[] x = Arrays.copyOf(f[r], d);
            x[d - 1] = 1;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    a[i][j] += x[i] * x[j];
                }
                a[i][d] += x[i] * y[r];
            }
        }
        for (int i = 0; i < d; i++) {
            a[i][i] += 1e-9;
        }
        for (int c = 0; c < d; c++) {
            int p = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            for (int r = 0; r < d; r++) {
                if (r != c) {
                    double m = a[r][c] / a[c][c];
                    for (int k = c; k <= d; k++) {
                        a[r][k] -= m * a[c][k];
                    }
                }
            }
        }
        double sse = 0;
        for (int r = 0; r < n; r++) {
            double pred = a[d - 1][d] / a[d - 1][d - 1];
            for (int i = 0; i < d - 1; i++) {
                pred += f[r][i] * a[i][d] / a[i][i];
            }
            sse += (pred - y[r]) * (pred - y[r]);
        }
        return sse / n;
    }

    @Test
    void frozenSpikingLayersStayBitForBitWhileTheNewReadoutLearnsByRfg() {
        DataSet source = MexicanHatData.train(128, 1, DataType.FLOAT);
        RfgMultiLayerNetwork pretrained = new RfgMultiLayerNetwork(Networks.mlp(11, DataType.FLOAT, new Adam(1e-2),
                2, 1, new SpikingDense.Builder().timeSteps(8), 12, 12), RfgSettings.layerwise(5));
        pretrained.init();
        for (int i = 0; i < 20; i++) {
            pretrained.fit(source);
        }

        // the new task: the same features, another target (a scaled and shifted hat)
        DataSet target = new DataSet(source.getFeatures(), source.getLabels().mul(2).add(0.5));
        MultiLayerNetwork transferred = new TransferLearning.Builder(pretrained)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(new Adam(5e-2)).seed(3).build())
                .setFeatureExtractor(LAST_FROZEN)
                .removeOutputLayer()
                .addLayer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nIn(12).nOut(1).build())
                .build();
        RfgMultiLayerNetwork net = RfgMultiLayerNetwork.wrap(transferred, RfgSettings.layerwise(9));
        assertThat(net.getLayer(0)).isInstanceOf(FrozenLayer.class);
        assertThat(net.getLayer(1)).isInstanceOf(FrozenLayer.class);
        // the frozen spiking layers are what the pretrained net computed
        assertThat(net.getLayer(0).params().toFloatVector()).containsExactly(pretrained.getLayer(0).params().toFloatVector());

        // only the readout is perturbed: one block of layer-wise directions, not three
        assertThat(ForwardGraph.of(net).segments()).hasSize(1);

        float[] frozen0 = net.getLayer(0).params().toFloatVector();
        float[] frozen1 = net.getLayer(1).params().toFloatVector();
        float[] head = net.getLayer(3).params().toFloatVector();
        double before = net.score(target);
        for (int i = 0; i < 150; i++) {
            net.fit(target);
        }
        double after = net.score(target);

        assertThat(net.getLayer(0).params().toFloatVector()).containsExactly(frozen0);
        assertThat(net.getLayer(1).params().toFloatVector()).containsExactly(frozen1);
        assertThat(net.getLayer(3).params().toFloatVector()).isNotEqualTo(head);
        // the frozen features bound what a new readout can reach: the least-squares readout's loss
        double optimum = leastSquaresLoss(net.feedForward(target.getFeatures(), false).get(3), target.getLabels());
        System.out.printf("transfer learning: loss %.5f -> %.5f, least-squares readout %.5f%n", before, after, optimum);
        // (measured: 0.395 -> 0.253 against 0.225, 84% of the excess loss gone in 150 RFG iterations)
        assertThat(before).isGreaterThan(1.3 * optimum);
        assertThat(after - optimum).isLessThan(0.25 * (before - optimum));
        // the estimate gives the frozen parameters exactly nothing
        double[] g = net.lastEstimate().gradient();
        int frozenCount = frozen0.length + frozen1.length;
        for (int e = 0; e < frozenCount; e++) {
            assertThat(g[e]).isZero();
        }
        // and no backward pass ran anywhere
        for (Layer l : net.getLayers()) {
            Layer inner = l instanceof FrozenLayer f ? f.getInsideLayer() : l;
            if (inner instanceof SpikingDenseLayer s) {
                assertThat(s.backwardPasses()).isZero();
            }
        }
    }

    @Test
    void graphTransferLearningFreezesVerticesAndFineTunesTheNewOutputByRfg() {
        DataSet source = MexicanHatData.train(96, 4, DataType.FLOAT);
        MultiLayerNetwork mln = new MultiLayerNetwork(Networks.mlp(17, DataType.FLOAT, new Adam(1e-2), 2, 1,
                new SpikingDense.Builder().timeSteps(8), 10, 10));
        mln.init();
        ComputationGraph pretrained = mln.toComputationGraph();
        // vertices "0", "1" spiking, "2" time average, "3" readout
        ComputationGraph transferred = new TransferLearning.GraphBuilder(pretrained)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(new Adam(5e-2)).seed(3).build())
                .setFeatureExtractor("1")
                .removeVertexAndConnections("3")
                .addLayer("head", new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).nIn(10).nOut(1).build(), "2")
                .setOutputs("head")
                .build();
        RfgComputationGraph net = RfgComputationGraph.wrap(transferred, RfgSettings.global(6));
        assertThat(ForwardGraph.of(net).segments()).hasSize(1);

        DataSet target = new DataSet(source.getFeatures(), source.getLabels().mul(2).add(0.5));
        float[] frozen0 = net.getLayer("0").params().toFloatVector();
        float[] frozen1 = net.getLayer("1").params().toFloatVector();
        float[] head = net.getLayer("head").params().toFloatVector();
        double before = net.score(target);
        for (int i = 0; i < 100; i++) {
            net.fit(target);
        }
        double after = net.score(target);

        assertThat(net.getLayer("0").params().toFloatVector()).containsExactly(frozen0);
        assertThat(net.getLayer("1").params().toFloatVector()).containsExactly(frozen1);
        assertThat(net.getLayer("head").params().toFloatVector()).isNotEqualTo(head);
        assertThat(after).isLessThan(before);
    }
}
