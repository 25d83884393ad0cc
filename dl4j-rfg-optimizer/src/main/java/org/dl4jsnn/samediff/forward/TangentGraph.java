package org.dl4jsnn.samediff.forward;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link ForwardModeTransform#apply}: a graph that computes an output and its
 * directional derivative in one pass.
 *
 * @param sameDiff     the graph, now holding the tangent ops too
 * @param output       the differentiated variable (the loss)
 * @param outputTangent the variable holding its tangent, d output along the fed directions
 * @param directionInputs perturbed variable name -> name of the placeholder its direction is fed to
 * @param tangents     every primal variable whose tangent was built -> that tangent's variable name
 */
public record TangentGraph(SameDiff sameDiff, String output, String outputTangent,
                           Map<String, String> directionInputs, Map<String, String> tangents) {

    public TangentGraph {
        directionInputs = Map.copyOf(directionInputs);
        tangents = Map.copyOf(tangents);
    }

    /** The output and its tangent for the given placeholders and one direction per perturbed variable. */
    public Jvp evaluate(Map<String, INDArray> placeholders, Map<String, INDArray> directions) {
        Map<String, INDArray> out = sameDiff.output(feed(placeholders, directions), List.of(output, outputTangent));
        return new Jvp(out.get(output), out.get(outputTangent));
    }

    /** {@code placeholders} plus the directions, keyed by their placeholder names. */
    public Map<String, INDArray> feed(Map<String, INDArray> placeholders, Map<String, INDArray> directions) {
        if (!directions.keySet().equals(directionInputs.keySet())) {
            throw new IllegalArgumentException("directions are needed for exactly " + directionInputs.keySet()
                    + ", got " + directions.keySet());
        }
        Map<String, INDArray> feed = new HashMap<>(placeholders == null ? Map.of() : placeholders);
        directions.forEach((variable, v) -> feed.put(directionInputs.get(variable), v));
        return feed;
    }

    /** A primal value and its directional derivative. */
    public record Jvp(INDArray primal, INDArray tangent) {
        public double primalScalar() {
            return primal.getDouble(0);
        }

        public double tangentScalar() {
            return tangent.getDouble(0);
        }
    }
}
