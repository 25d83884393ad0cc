package org.dl4jsnn.operator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.util.GraphIndices;
import org.deeplearning4j.nn.weights.WeightInit;
import org.dl4jsnn.conf.TimeAverage;
import org.dl4jsnn.operator.conf.DeepOnetProduct;
import org.dl4jsnn.surrogate.Surrogate;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the spiking DeepONet of docs/design.md section 4 as a ComputationGraph: a branch net (spiking MLP on the
 * input function at m sensors) and a trunk net (spiking MLP on the location x), each ending in p linear
 * outputs of its time-averaged spikes, combined as sum_k branch_k trunk_k + b0. Defaults are the paper's
 * Poisson setting: m = 100, one hidden layer of 32, p = 32, T = 32, SG with s = 0.3.
 *
 * <p>Inputs: "branch" [batch, m] and "trunk" [batch, 1], or with {@link BranchRows#PER_FUNCTION} "branch"
 * [functions, m], "trunk" [batch, 1] and "function" [batch, 1]; output "u" [batch, 1]. With local losses, every
 * hidden layer pair gets its own head (a trained projection of its rates, combined the same way) as an
 * extra output "local<i>" trained against the same labels.
 */
public final class SpikingDeepOnet extends SpikingOperatorBuilder<SpikingDeepOnet> {

    private int[] hidden = {32};
    private int latent = 32;
    private boolean localLosses = false;
    private BranchRows branchRows = BranchRows.PER_PAIR;

    /** The 1-to-1 output layer {@code u = w0 * sum_k b_k t_k + b0}: its bias is b0. */
    public static final String OUTPUT = "u";

    private SpikingDeepOnet() {
        super(100, Surrogate.gaussian(0.3));
    }

    public static SpikingDeepOnet builder() {
        return new SpikingDeepOnet();
    }

    @Override
    SpikingDeepOnet self() {
        return this;
    }

    public SpikingDeepOnet hidden(int... widths) {
        if (widths.length == 0) {
            throw new IllegalArgumentException("hidden needs at least one layer width");
        }
        for (int w : widths) {
            positive("hidden width", w);
        }
        this.hidden = widths.clone();
        return this;
    }

    public SpikingDeepOnet latent(int p) {
        this.latent = positive("latent size p", p);
        return this;
    }

    public SpikingDeepOnet localLosses(boolean on) {
        this.localLosses = on;
        return this;
    }

    /**
     * Whether the branch gets one row per function-point pair (default) or one per distinct function with a
     * pair-to-function index ({@link BranchRows}); the same network, loss and gradients either way.
     */
    public SpikingDeepOnet branchRows(BranchRows rows) {
        this.branchRows = Objects.requireNonNull(rows, "branchRows");
        return this;
    }

    public BranchRows branchRows() {
        return branchRows;
    }

    /**
     * The layers of the form {@code w0 * product + b0}: the output {@value #OUTPUT} and, with local
     * losses, each local head. Layer-wise RFG can give their biases groups of their own
     * ({@code Grouping.withBiasApart}), which makes the estimates of w0 and b0 exact.
     */
    public List<String> productOutputLayers() {
        List<String> names = new ArrayList<>();
        names.add(OUTPUT);
        if (localLosses) {
            for (int l = 0; l < hidden.length; l++) {
                names.add("local" + l);
            }
        }
        return names;
    }

    /** How many label arrays a training example needs (1, plus one per hidden layer with local losses). */
    public int outputCount() {
        return localLosses ? 1 + hidden.length : 1;
    }

    public ComputationGraphConfiguration build() {
        ComputationGraphConfiguration.GraphBuilder g = graph().addInputs(branchRows.inputNames().toArray(new String[0]));
        List<String> outputs = new ArrayList<>();
        outputs.add(OUTPUT);
        String[] nets = {"branch", "trunk"};
        String[] lastRates = new String[2];
        for (int n = 0; n < 2; n++) {
            String prev = nets[n];
            for (int l = 0; l < hidden.length; l++) {
                String spikes = nets[n] + "_spikes" + l;
                g.addLayer(spikes, spikingLayer(hidden[l]), prev);
                String rates = nets[n] + "_rates" + l;
                g.addLayer(rates, new TimeAverage.Builder().build(), spikes);
                prev = spikes;
                lastRates[n] = rates;
                if (localLosses) {
                    g.addLayer(nets[n] + "_local" + l, linear(latent), rates);
                }
            }
            g.addLayer(nets[n] + "_out", linear(latent), lastRates[n]);
        }
        g.addVertex("product", new DeepOnetProduct(), productInputs("branch_out", "trunk_out"));
        g.addLayer(OUTPUT, bias(), "product");
        if (localLosses) {
            for (int l = 0; l < hidden.length; l++) {
                g.addVertex("product_local" + l, new DeepOnetProduct(),
                        productInputs("branch_local" + l, "trunk_local" + l));
                g.addLayer("local" + l, bias(), "product_local" + l);
                outputs.add("local" + l);
            }
        }
        InputType branchType = InputType.feedForward(sensorCount());
        InputType column = InputType.feedForward(1);
        InputType[] types = branchRows == BranchRows.PER_PAIR ? new InputType[] {branchType, column}
                : new InputType[] {branchType, column, column};
        ComputationGraphConfiguration conf = g.setOutputs(outputs.toArray(new String[0])).setInputTypes(types).build();
        return branchRows == BranchRows.PER_PAIR ? conf : inPairOrder(conf);
    }

    /**
     * The per-function network with the vertex order of its per-pair twin, the index input right after the
     * trunk. DL4J lays the flat parameter vector out in topological order, which the extra input reshuffles;
     * the same order keeps the flat layout, so the two layouts share initial weights, updater state and the
     * RFG directions drawn over the flat vector (docs/design.md section 4). DL4J takes a configuration's
     * stored order as given: only the order changes, each vertex keeps the index DL4J gave it.
     */
    private ComputationGraphConfiguration inPairOrder(ComputationGraphConfiguration conf) {
        GraphIndices pair = new ComputationGraph(copy().branchRows(BranchRows.PER_PAIR).build()).calculateIndices();
        List<String> pairOrder = new ArrayList<>();
        for (int v : pair.getTopologicalSortOrder()) {
            pairOrder.add(pair.getIdxToName().get(v));
        }
        pairOrder.add(pairOrder.indexOf("trunk") + 1, BranchRows.FUNCTION_INDEX);
        Map<String, Integer> index = new ComputationGraph(conf).calculateIndices().getNameToIdx();
        if (!index.keySet().equals(new HashSet<>(pairOrder))) {
            throw new IllegalStateException("the per-function DeepONet's vertices " + index.keySet()
                    + " are not the per-pair ones plus the index " + pairOrder);
        }
        conf.setTopologicalOrderStr(pairOrder);
        conf.setTopologicalOrder(pairOrder.stream().mapToInt(index::get).toArray());
        return conf;
    }

    /** This builder's settings in a new builder (they are all immutable values). */
    private SpikingDeepOnet copy() {
        SpikingDeepOnet c = copySharedInto(new SpikingDeepOnet());
        c.hidden = hidden.clone();
        c.latent = latent;
        c.localLosses = localLosses;
        c.branchRows = branchRows;
        return c;
    }

    private String[] productInputs(String branch, String trunk) {
        return branchRows == BranchRows.PER_PAIR ? new String[] {branch, trunk}
                : new String[] {branch, trunk, BranchRows.FUNCTION_INDEX};
    }

    private static DenseLayer linear(int n) {
        return new DenseLayer.Builder().nOut(n).activation(Activation.IDENTITY).build();
    }

    /** A 1-to-1 identity output: its bias is b0 (its weight, a redundant scale, starts at 1 like p's). */
    private static OutputLayer bias() {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                .weightInit(WeightInit.ONES).nOut(1).build();
    }
}
