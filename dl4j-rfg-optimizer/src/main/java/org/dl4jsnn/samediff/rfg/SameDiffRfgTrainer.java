package org.dl4jsnn.samediff.rfg;

import org.dl4jsnn.samediff.forward.ForwardModeTransform;
import org.dl4jsnn.samediff.forward.TangentGraph;
import org.dl4jsnn.samediff.spike.SpikeSite;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Trains a SameDiff model with randomized forward gradients (SPEC.md section 3): per iteration it
 * samples K directions (per parameter group for layer-wise perturbation), gets L and every dL along
 * them from one {@code sd.output} call over tangent graphs that share the primal pass, forms
 * g = (1/K) sum_k dL_k v_k and hands g to an ND4J updater exactly as a back-propagated gradient.
 * No backward pass runs.
 *
 * <p>Construction adds the tangent graphs to the given SameDiff, and {@link #step} updates its
 * parameter arrays in place. The direction stream comes from a {@link SplittableRandom} seeded at
 * construction, so equal seeds, models and data give identical trajectories. Not thread-safe.
 */
public final class SameDiffRfgTrainer {

    private final SameDiff sd;
    private final String loss;
    private final List<List<String>> groups;
    private final int directions;
    private final DirectionDistribution distribution;
    private final List<TangentGraph> tangentGraphs;           // index k * groups + g
    private final Map<String, GradientUpdater> updaters;
    private final SplittableRandom random;
    private int iteration;

    private SameDiffRfgTrainer(Builder b, List<List<String>> groups) {
        this.sd = b.sd;
        this.loss = b.loss;
        this.groups = groups;
        this.directions = b.directions;
        this.distribution = b.distribution;
        this.random = new SplittableRandom(b.seed);
        List<TangentGraph> graphs = new ArrayList<>();
        ForwardModeTransform transform = ForwardModeTransform.standard().withSpikes(b.spikes);
        boolean single = directions == 1 && groups.size() == 1;
        for (int k = 0; k < directions; k++) {
            for (int g = 0; g < groups.size(); g++) {
                String suffix = single ? ForwardModeTransform.DEFAULT_SUFFIX : "-tangent-d" + k + "-g" + g;
                graphs.add(transform.withSuffix(suffix).apply(sd, loss, groups.get(g)));
            }
        }
        this.tangentGraphs = List.copyOf(graphs);
        Map<String, GradientUpdater> ups = new LinkedHashMap<>();
        for (String name : parameters()) {
            INDArray param = sd.getVariable(name).getArr();
            long stateSize = b.updater.stateSize(param.length());
            INDArray state = stateSize == 0 ? null : Nd4j.zeros(param.dataType(), 1, stateSize);
            ups.put(name, b.updater.instantiate(state, true));
        }
        this.updaters = ups;
    }

    public static Builder builder(SameDiff sd, String loss) {
        return new Builder(sd, loss);
    }

    /** Trainable parameter names, group by group. */
    public List<String> parameters() {
        return groups.stream().flatMap(List::stream).toList();
    }

    /** Iterations completed by {@link #step}. */
    public int iteration() {
        return iteration;
    }

    public List<TangentGraph> tangentGraphs() {
        return tangentGraphs;
    }

    /** A gradient estimate at the current parameters; advances the direction stream, not the iteration. */
    public GradientEstimate estimate(Map<String, INDArray> placeholders) {
        List<Map<String, INDArray>> sampled = new ArrayList<>(tangentGraphs.size());
        Map<String, INDArray> feed = new HashMap<>(placeholders);
        List<String> outputs = new ArrayList<>();
        outputs.add(loss);
        for (int i = 0; i < tangentGraphs.size(); i++) {
            TangentGraph graph = tangentGraphs.get(i);
            Map<String, INDArray> v = new LinkedHashMap<>();
            for (String name : groups.get(i % groups.size())) {
                v.put(name, sampleLike(sd.getVariable(name).getArr()));
            }
            sampled.add(v);
            feed = graph.feed(feed, v);
            outputs.add(graph.outputTangent());
        }
        Map<String, INDArray> out = sd.output(feed, outputs);
        double lossValue = scalar(out.get(loss), "loss");
        requireFinite("the loss", lossValue);
        List<Double> derivatives = new ArrayList<>();
        Map<String, INDArray> gradient = new LinkedHashMap<>();
        for (int i = 0; i < tangentGraphs.size(); i++) {
            double dl = scalar(out.get(tangentGraphs.get(i).outputTangent()), "directional derivative");
            requireFinite("the directional derivative along direction " + (i / groups.size())
                    + " of group " + (i % groups.size()), dl);
            derivatives.add(dl);
            for (var entry : sampled.get(i).entrySet()) {
                INDArray contribution = entry.getValue().muli(dl / directions);
                gradient.merge(entry.getKey(), contribution, INDArray::addi);
            }
        }
        return new GradientEstimate(iteration, lossValue, derivatives, gradient);
    }

    /** Estimates the gradient and applies the updater to every parameter; epoch 0 for the updater's schedule. */
    public GradientEstimate step(Map<String, INDArray> placeholders) {
        return step(placeholders, 0);
    }

    public GradientEstimate step(Map<String, INDArray> placeholders, int epoch) {
        GradientEstimate estimate = estimate(placeholders);
        Map<String, INDArray> updates = new LinkedHashMap<>();
        for (var entry : estimate.gradient().entrySet()) {
            INDArray param = sd.getVariable(entry.getKey()).getArr();
            // Updaters keep state as flat row vectors (DL4J's layout), so they see the gradient flat too.
            INDArray flat = entry.getValue().dup('c').reshape('c', 1, param.length());
            updaters.get(entry.getKey()).applyUpdater(flat, iteration, epoch);
            requireFinite("the update of '" + entry.getKey() + "'", flat.sumNumber().doubleValue());
            updates.put(entry.getKey(), flat.reshape('c', param.shape()));
        }
        updates.forEach((name, update) -> sd.getVariable(name).getArr().subi(update));
        iteration++;
        return estimate;
    }

    private INDArray sampleLike(INDArray param) {
        double[] values = new double[(int) param.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = distribution.sample(random);
        }
        return Nd4j.create(values, param.shape(), param.dataType());
    }

    private double scalar(INDArray value, String what) {
        if (value.length() != 1) {
            throw new IllegalStateException("the " + what + " must be a scalar, got shape "
                    + java.util.Arrays.toString(value.shape()));
        }
        return value.getDouble(0);
    }

    private void requireFinite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new NonFiniteLossException(iteration, what, value);
        }
    }

    /** Configuration; {@link #build} validates it and adds the tangent graphs to the SameDiff. */
    public static final class Builder {
        private final SameDiff sd;
        private final String loss;
        private List<List<String>> parameterGroups;
        private Perturbation perturbation = Perturbation.GLOBAL;
        private DirectionDistribution distribution = DirectionDistribution.RADEMACHER;
        private int directions = 1;
        private IUpdater updater = new Adam(1e-3);
        private long seed = 12345;
        private Collection<SpikeSite> spikes = List.of();

        private Builder(SameDiff sd, String loss) {
            this.sd = sd;
            this.loss = loss;
        }

        /** Parameter groups (e.g. one per layer); default: every trainable variable, each its own group. */
        public Builder parameterGroups(List<List<String>> groups) {
            this.parameterGroups = groups.stream().map(List::copyOf).toList();
            return this;
        }

        public Builder perturbation(Perturbation p) { this.perturbation = p; return this; }
        public Builder distribution(DirectionDistribution d) { this.distribution = d; return this; }
        /** K, the number of directions averaged per estimate. */
        public Builder directions(int k) { this.directions = k; return this; }
        public Builder updater(IUpdater u) { this.updater = u; return this; }
        public Builder seed(long s) { this.seed = s; return this; }
        /** Spikes to differentiate by their surrogate rule, from {@code SpikeOps.sites()}. */
        public Builder spikes(Collection<SpikeSite> s) { this.spikes = List.copyOf(s); return this; }

        public SameDiffRfgTrainer build() {
            if (directions < 1) {
                throw new IllegalArgumentException("the number of directions K must be at least 1, got " + directions);
            }
            if (updater == null || perturbation == null || distribution == null) {
                throw new IllegalArgumentException("updater, perturbation and distribution are required");
            }
            if (!sd.hasVariable(loss)) {
                throw new IllegalArgumentException("no loss variable '" + loss + "' in the graph");
            }
            List<List<String>> groups = parameterGroups != null ? parameterGroups : defaultGroups();
            validate(groups);
            if (perturbation == Perturbation.GLOBAL) {
                groups = List.of(groups.stream().flatMap(List::stream).toList());
            }
            return new SameDiffRfgTrainer(this, groups);
        }

        private List<List<String>> defaultGroups() {
            List<List<String>> groups = new ArrayList<>();
            for (SDVariable v : sd.variables()) {
                if (v.getVariableType() == VariableType.VARIABLE && v.dataType().isFPType()) {
                    groups.add(List.of(v.name()));
                }
            }
            return groups;
        }

        private void validate(List<List<String>> groups) {
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("no trainable parameters");
            }
            Set<String> seen = new HashSet<>();
            for (List<String> group : groups) {
                if (group.isEmpty()) {
                    throw new IllegalArgumentException("empty parameter group in " + groups);
                }
                for (String name : group) {
                    SDVariable v = sd.hasVariable(name) ? sd.getVariable(name) : null;
                    if (v == null || v.getVariableType() != VariableType.VARIABLE || !v.dataType().isFPType()) {
                        throw new IllegalArgumentException("'" + name + "' is not a trainable floating-point variable");
                    }
                    if (!seen.add(name)) {
                        throw new IllegalArgumentException("'" + name + "' is in more than one parameter group");
                    }
                }
            }
        }
    }
}
