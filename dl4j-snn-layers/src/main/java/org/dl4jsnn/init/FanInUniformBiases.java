package org.dl4jsnn.init;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.weights.WeightInitUniform;
import org.dl4jsnn.surrogate.CounterNoise;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The bias half of {@link InitScheme#FAN_IN_UNIFORM}: every layer whose weights DL4J drew uniformly on
 * (-1/sqrt(fanIn), 1/sqrt(fanIn)) gets its biases from the same interval, as PyTorch's {@code nn.Linear}
 * does. Layers with another weight initialisation (e.g. the DeepONet's 1-to-1 output, whose weight is a
 * scale starting at 1) keep their biases.
 */
public final class FanInUniformBiases {

    private FanInUniformBiases() {
    }

    /**
     * Draws the biases of an initialised network in place. The draws depend only on the network's seed
     * and the layer's index, so a seeded configuration always gives the same network.
     *
     * @return how many layers got new biases
     */
    public static int draw(ComputationGraph net) {
        if (net.params() == null) {
            throw new IllegalStateException("call init() on the network before drawing its biases");
        }
        long seed = net.getConfiguration().getDefaultConfiguration().getSeed();
        int drawn = 0;
        for (Layer layer : net.getLayers()) {
            if (!(layer.conf().getLayer() instanceof FeedForwardLayer conf)
                    || !(conf.getWeightInitFn() instanceof WeightInitUniform)) {
                continue;
            }
            INDArray b = layer.getParam(DefaultParamInitializer.BIAS_KEY);
            if (b == null) {
                continue;
            }
            double bound = 1 / Math.sqrt(conf.getNIn());
            SplittableRandom rng = new SplittableRandom(CounterNoise.derive(seed, 0xB1A5L + layer.getIndex()));
            double[] values = new double[(int) b.length()];
            for (int i = 0; i < values.length; i++) {
                values[i] = bound * (2 * rng.nextDouble() - 1);
            }
            b.assign(Nd4j.create(values, b.shape(), b.ordering()).castTo(b.dataType()));
            drawn++;
        }
        return drawn;
    }
}
