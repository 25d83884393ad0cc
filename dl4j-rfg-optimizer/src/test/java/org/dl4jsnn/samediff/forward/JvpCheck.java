package org.dl4jsnn.samediff.forward;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Checks the forward-mode identity dL = grad(L) . v against SameDiff's own reverse mode.
 *
 * <p>The relative error is |dL - grad . v| / sum_i |grad_i v_i|: the denominator is the size of the
 * terms being summed, so cancellation in grad . v cannot make a correct result look wrong.
 */
public record JvpCheck(double lossBefore, double lossAfter, double forward, double reverse, double scale) {

    public double relativeError() {
        return Math.abs(forward - reverse) / scale;
    }

    public static JvpCheck run(SameDiff sd, String loss, List<String> perturbed, Map<String, INDArray> placeholders,
                               ForwardModeTransform transform, long seed) {
        double before = sd.output(placeholders, loss).get(loss).getDouble(0);
        TangentGraph graph = transform.apply(sd, loss, perturbed);
        Map<String, INDArray> directions = gaussianDirections(sd, perturbed, seed);
        TangentGraph.Jvp jvp = graph.evaluate(placeholders, directions);
        Map<String, INDArray> grads = sd.calculateGradients(placeholders, new ArrayList<>(perturbed));
        double dot = 0;
        double scale = 0;
        for (String name : perturbed) {
            INDArray terms = grads.get(name).mul(directions.get(name));
            dot += terms.sumNumber().doubleValue();
            scale += Transforms.abs(terms, true).sumNumber().doubleValue();
        }
        return new JvpCheck(before, jvp.primalScalar(), jvp.tangentScalar(), dot, scale);
    }

    public static Map<String, INDArray> gaussianDirections(SameDiff sd, List<String> names, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String name : names) {
            INDArray like = sd.getVariable(name).getArr();
            double[] v = new double[(int) like.length()];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextGaussian();
            }
            out.put(name, Nd4j.create(v, like.shape(), like.dataType()));
        }
        return out;
    }
}
