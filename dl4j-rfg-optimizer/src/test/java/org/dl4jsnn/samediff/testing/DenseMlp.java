package org.dl4jsnn.samediff.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A small dense MLP with MSE loss as a SameDiff graph, for tests: x -> tanh -> sigmoid -> relu -> y. */
public record DenseMlp(SameDiff sd, List<String> parameters) {

    public static final String LOSS = "loss";

    /** Layer widths nIn, h1, ..., nOut; activations cycle through tanh, sigmoid, relu; linear output. */
    public static DenseMlp build(DataType dt, long seed, int... widths) {
        SameDiff sd = SameDiff.create();
        SplittableRandom random = new SplittableRandom(seed);
        SDVariable h = sd.placeHolder("x", dt, -1, widths[0]);
        SDVariable target = sd.placeHolder("target", dt, -1, widths[widths.length - 1]);
        List<String> params = new ArrayList<>();
        for (int l = 1; l < widths.length; l++) {
            SDVariable w = sd.var("W" + l, gaussian(random, dt, 1.0 / Math.sqrt(widths[l - 1]), widths[l - 1], widths[l]));
            SDVariable b = sd.var("b" + l, gaussian(random, dt, 0.3, widths[l]));
            params.add(w.name());
            params.add(b.name());
            h = h.mmul(w).add(b);
            if (l < widths.length - 1) {
                h = switch ((l - 1) % 3) {
                    case 0 -> sd.math().tanh(h);
                    case 1 -> sd.nn().sigmoid(h);
                    default -> sd.nn().relu(h, 0.0);
                };
            }
        }
        sd.math().square(h.sub(target)).mean(LOSS);
        return new DenseMlp(sd, List.copyOf(params));
    }

    public static INDArray gaussian(SplittableRandom random, DataType dt, double std, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = std * random.nextGaussian();
        }
        return Nd4j.create(v, shape, dt);
    }

    public static Map<String, INDArray> data(DataType dt, long seed, int batch, int nIn, int nOut) {
        SplittableRandom random = new SplittableRandom(seed);
        return Map.of("x", gaussian(random, dt, 1.0, batch, nIn), "target", gaussian(random, dt, 1.0, batch, nOut));
    }
}
