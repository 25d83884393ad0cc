package org.dl4jsnn.estimator;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.forward.ForwardGraph;
import org.dl4jsnn.operator.SpikingSepOnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * A measurement, not a test (runs only with {@code -Dsnn.measure=true}, about a minute): the squared error
 * per estimate of each spiking layer of the diffusion-reaction SepONet at full size (20 functions on the
 * 101 x 101 grid, hidden 16, T = 32, FLOAT, random data), RFG-A with per-row tangents, with the summed
 * fallback, and RFG-L, in units of that layer's |grad|^2 from DL4J's back-propagation.
 */
@EnabledIfSystemProperty(named = "snn.measure", matches = "true")
class RowTangentVarianceMeasurement {

    @Test
    void fullSizeSepOnet() {
        ComputationGraph net = new ComputationGraph(SpikingSepOnet.builder().sensors(101).hidden(16).rank(16)
                .timeSteps(32).grid(101, 101).seed(3).dataType(DataType.FLOAT).updater(new NoOp()).build());
        net.init();
        Nd4j.getRandom().setSeed(4);
        INDArray branch = Nd4j.rand(DataType.FLOAT, 20, 101).muli(2).subi(1);
        INDArray grid = Nd4j.linspace(0, 1, 101, DataType.FLOAT).reshape(101, 1);
        INDArray labels = Nd4j.rand(DataType.FLOAT, 20, 101 * 101).muli(0.3);
        OperatorRowTangentsTest.Case c = OperatorRowTangentsTest.Case.of(net,
                new INDArray[] {branch, grid, grid.dup()}, labels);
        int n = 20;
        System.out.println("| layer (params) | RFG-A per-row | RFG-A summed | RFG-L |");
        for (ForwardGraph.ParamSegment seg : c.spiking()) {
            List<ForwardGraph.ParamSegment> one = List.of(seg);
            double norm = OperatorRowTangentsTest.dot(c.grad(), c.grad(), one);
            double perRow = 0;
            double summed = 0;
            double layerwise = 0;
            for (int it = 1; it <= n; it++) {
                double[][] g = c.estimates(it);
                perRow += OperatorRowTangentsTest.squaredError(g[0], c.grad(), one);
                summed += OperatorRowTangentsTest.squaredError(g[1], c.grad(), one);
                layerwise += OperatorRowTangentsTest.squaredError(c.layerwise(it), c.grad(), one);
            }
            System.out.printf("| at %d (%d) | %.1f | %.1f | %.1f |%n", seg.offset(), seg.length(),
                    perRow / n / norm, summed / n / norm, layerwise / n / norm);
        }
    }
}
