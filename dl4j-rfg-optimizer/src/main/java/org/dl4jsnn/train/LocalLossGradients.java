package org.dl4jsnn.train;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.dl4jsnn.estimator.LocalGuide;
import org.dl4jsnn.estimator.LocalHeads;
import org.dl4jsnn.forward.ForwardGraph;
import org.dl4jsnn.forward.ForwardGraph.ParamSegment;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The guides of local-guided RFG (docs/design.md section 3): each local head's loss alone, back-propagated by
 * DL4J with every other output's label mask zero, so neither the task loss nor another head contributes.
 * Only the parameters of the layers the head guides are kept: for them the result is the gradient of that
 * local loss, whatever the layers below receive (those values are discarded, which stops the gradient at the
 * guided layer's input).
 */
final class LocalLossGradients {

    private LocalLossGradients() {
    }

    /**
     * @param labels   the minibatch's labels, one array per network output
     * @param backprop back-propagates the network's loss under the given label masks (one per output) and
     *                 returns the flat gradient
     */
    static LocalGuide guide(ForwardGraph graph, INDArray[] labels, Function<INDArray[], double[]> backprop) {
        List<LocalHeads> heads = LocalHeads.of(graph);
        if (heads.isEmpty()) {
            throw new IllegalArgumentException(noHeads(labels.length));
        }
        double[] gradient = null;
        Set<Integer> guided = new HashSet<>();
        for (LocalHeads head : heads) {
            INDArray[] masks = new INDArray[labels.length];
            for (int o = 0; o < labels.length; o++) {
                masks[o] = o == head.output() ? Nd4j.onesLike(labels[o]) : Nd4j.zerosLike(labels[o]);
            }
            double[] g = backprop.apply(masks);
            if (gradient == null) {
                gradient = new double[g.length];
            }
            for (int s : head.segments()) {
                ParamSegment seg = graph.segments().get(s);
                System.arraycopy(g, seg.offset(), gradient, seg.offset(), seg.length());
            }
            guided.addAll(head.segments());
        }
        return new LocalGuide(gradient, guided);
    }

    static String noHeads(int outputs) {
        return "local-guided directions (RFG-LG) need local heads, network outputs after the first (e.g."
                + " SpikingDeepOnet.localLosses(true)); this network has " + outputs + " output(s) and no local head";
    }
}
