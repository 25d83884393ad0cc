package org.dl4jsnn.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.parallel.BatchChunks;
import org.dl4jsnn.parallel.BatchThreads;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * TimeAverage on three chunks of the minibatch, in both precisions: the mean over t and its gradient equal
 * the ones computed element by element here, for 1, 2 and 3 threads, and for an input in either order.
 */
class TimeAverageLayerTest {

    private static final int BATCH = 2 * BatchChunks.SIZE + 7;
    private static final int N = 3;
    private static final int STEPS = 5;

    private static TimeAverageLayer layer(DataType type) {
        NeuralNetConfiguration conf = new NeuralNetConfiguration.Builder().dataType(type)
                .layer(new TimeAverage.Builder().build()).build();
        return (TimeAverageLayer) conf.getLayer().instantiate(conf, List.of(), 0, null, false, type);
    }

    @Test
    void meanAndGradientAreElementwiseForAnyThreadCount() {
        Random r = new Random(3);
        double[][][] x = new double[BATCH][N][STEPS];
        double[][] eps = new double[BATCH][N];
        for (int b = 0; b < BATCH; b++) {
            for (int i = 0; i < N; i++) {
                eps[b][i] = r.nextGaussian();
                for (int t = 0; t < STEPS; t++) {
                    x[b][i][t] = r.nextDouble() < 0.3 ? 1 : 0;
                }
            }
        }
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            for (char order : new char[] {'c', 'f'}) {
                INDArray input = Nd4j.create(x).castTo(type).dup(order);
                INDArray epsilon = Nd4j.create(eps).castTo(type);
                for (int n : new int[] {1, 2, 3}) {
                    try (BatchThreads threads = BatchThreads.of(n)) {
                        TimeAverageLayer layer = layer(type);
                        layer.setBatchThreads(threads);
                        layer.setInput(input, LayerWorkspaceMgr.noWorkspaces());
                        INDArray mean = layer.activate(false, LayerWorkspaceMgr.noWorkspaces());
                        INDArray grad = layer.backpropGradient(epsilon, LayerWorkspaceMgr.noWorkspaces()).getSecond();
                        assertThat(mean.dataType()).isEqualTo(type);
                        for (int b = 0; b < BATCH; b += 97) {
                            for (int i = 0; i < N; i++) {
                                double sum = 0;
                                for (int t = 0; t < STEPS; t++) {
                                    sum += x[b][i][t];
                                }
                                assertThat(mean.getDouble(b, i)).as("%s %c threads=%d b=%d i=%d", type, order, n, b, i)
                                        .isEqualTo(type == DataType.FLOAT ? (float) sum / STEPS : sum / STEPS);
                                double share = type == DataType.FLOAT ? (float) eps[b][i] / STEPS
                                        : eps[b][i] / STEPS;
                                for (int t = 0; t < STEPS; t++) {
                                    assertThat(grad.getDouble(b, i, t)).isEqualTo(share);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
