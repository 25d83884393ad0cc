package org.dl4jsnn.operator;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;

/**
 * How a spiking DeepONet's minibatch gives the branch its input functions (docs/design.md section 4).
 *
 * <p>The network inputs are, in order: {@link #PER_PAIR} "branch" [pairs, m], "trunk" [pairs, 1];
 * {@link #PER_FUNCTION} "branch" [functions, m], "trunk" [pairs, 1], "function" [pairs, 1] (each pair's row
 * in "branch"). The branch stays first: DL4J orders the vertices, and so the parameters and their seeded
 * initial values, by the inputs' order, and both layouts must start from the same weights. The minibatch
 * size is the labels' (pairs), which is what DL4J divides the summed gradient by when labels are set.
 */
public enum BranchRows {

    /** One branch row per function-point pair: the branch repeats a function for each of its points. */
    PER_PAIR(List.of("branch", "trunk")),

    /**
     * One branch row per distinct function of the minibatch, and an index from pairs to those rows: the
     * branch runs once per function in back-propagation and in the forward sweep alike.
     */
    PER_FUNCTION(List.of("branch", "trunk", "function"));

    /** The per-function layout's index input: each pair's row among the branch's functions. */
    public static final String FUNCTION_INDEX = "function";

    private final List<String> inputs;

    BranchRows(List<String> inputs) {
        this.inputs = inputs;
    }

    /** The network's input names in the order the features come. */
    public List<String> inputNames() {
        return inputs;
    }

    /** Where the branch functions are among the features. */
    public int branchInput() {
        return inputs.indexOf("branch");
    }

    /** Where the points are among the features. */
    public int trunkInput() {
        return inputs.indexOf("trunk");
    }

    /** The layout a DeepONet configuration was built for, read from its input names. */
    public static BranchRows of(ComputationGraphConfiguration conf) {
        List<String> names = conf.getNetworkInputs();
        for (BranchRows r : values()) {
            if (r.inputs.equals(names)) {
                return r;
            }
        }
        throw new IllegalArgumentException("not a spiking DeepONet: inputs " + names + " match neither "
                + PER_PAIR.inputs + " (PER_PAIR) nor " + PER_FUNCTION.inputs + " (PER_FUNCTION)");
    }
}
