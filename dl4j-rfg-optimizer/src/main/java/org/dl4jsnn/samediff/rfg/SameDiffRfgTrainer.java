package org.dl4jsnn.samediff.rfg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dl4jsnn.estimator.DirectionLayout;
import org.dl4jsnn.estimator.ParameterGroup;
import org.dl4jsnn.estimator.NonFiniteGradientException;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.samediff.forward.ForwardModeTransform;
import org.dl4jsnn.samediff.forward.TangentGraph;
import org.dl4jsnn.samediff.spike.SpikeNoise;
import org.dl4jsnn.samediff.spike.SpikeSite;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.dl4jsnn.estimator.Perturbation;

/**
 * Trains any SameDiff graph with a scalar loss by randomized forward gradients (docs/design.md section 3),
 * with the core's settings and directions: per iteration it draws the stacked directions of
 * {@link DirectionLayout} from (RFG seed, iteration), gets L and every dL along them from one
 * {@code sd.output} call whose tangent graphs share one primal pass, forms g = (1/K) sum_k dL_k v_k and
 * hands g to an ND4J updater exactly as a back-propagated gradient. No backward pass runs.
 *
 * <p>The parameters, in group order and each in row-major order, form the flat vector the directions
 * are drawn over; for a spiking MLP imported from DL4J that is DL4J's own parameter order, so both
 * engines draw the same directions at the same iteration. WSG spikes draw the DL4J layers' noise from
 * (network seed, iteration, layer index). Runs are therefore reproducible and resumable from a
 * {@link TrainerState}.
 *
 * <p>Construction adds the tangent graphs to the given SameDiff; {@link #step} updates its parameter
 * arrays in place. Not thread-safe.
 */
public final class SameDiffRfgTrainer {

    private final SameDiff sd;
    private final String loss;
    private final List<List<String>> groups;
    private final List<String> parameters;
    private final Map<String, Integer> offsets;
    private final int parameterCount;
    private final DirectionLayout layout;
    private final long networkSeed;
    private final List<SpikeNoise> noises;
    private final List<TangentGraph> tangentGraphs;           // in the layout's row order
    private final Map<String, GradientUpdater> updaters;
    private final Map<String, INDArray> updaterStates;
    private final List<String> features;
    private final List<String> labels;
    private final List<SameDiffRfgListener> listeners;
    private long iteration;
    private int epoch;

    private SameDiffRfgTrainer(Builder b, List<List<String>> groups) {
        this.sd = b.sd;
        this.loss = b.loss;
        this.groups = groups;
        this.parameters = groups.stream().flatMap(List::stream).toList();
        this.networkSeed = b.networkSeed;
        this.features = b.features;
        this.labels = b.labels;
        this.listeners = List.copyOf(b.listeners);
        Map<String, Integer> off = new LinkedHashMap<>();
        List<ParameterGroup> flat = new ArrayList<>();
        int position = 0;
        for (List<String> group : groups) {
            int start = position;
            for (String name : group) {
                off.put(name, position);
                position += Math.toIntExact(sd.getVariable(name).getArr().length());
            }
            flat.add(ParameterGroup.range(flat.size(), start, position - start));
        }
        this.offsets = Map.copyOf(off);
        if (b.settings.perturbation() == Perturbation.LAYERWISE
                && !b.settings.grouping().isByLayer()) {
            throw new IllegalArgumentException("the SameDiff trainer groups layer-wise directions by its parameter"
                    + " groups (parameterGroups); RfgSettings.grouping must be Grouping.byLayer(), got "
                    + b.settings.grouping());
        }
        this.layout = DirectionLayout.ofLayers(b.settings, flat);
        this.parameterCount = position;
        Set<SpikeNoise> noise = new LinkedHashSet<>();
        b.spikes.forEach(s -> {
            if (s.noise() != null) {
                noise.add(s.noise());
            }
        });
        this.noises = List.copyOf(noise);

        List<TangentGraph> graphs = new ArrayList<>();
        ForwardModeTransform transform = ForwardModeTransform.standard().withSpikes(b.spikes);
        for (int row = 0; row < layout.count(); row++) {
            String suffix = layout.count() == 1 ? ForwardModeTransform.DEFAULT_SUFFIX : "-tangent-" + row;
            int group = layout.groupOf(row);
            graphs.add(transform.withSuffix(suffix).apply(sd, loss, group < 0 ? parameters : groups.get(group)));
        }
        this.tangentGraphs = List.copyOf(graphs);
        Map<String, GradientUpdater> ups = new LinkedHashMap<>();
        Map<String, INDArray> states = new LinkedHashMap<>();
        for (String name : parameters) {
            INDArray param = sd.getVariable(name).getArr();
            long stateSize = b.updater.stateSize(param.length());
            INDArray state = stateSize == 0 ? null : Nd4j.zeros(param.dataType(), 1, stateSize);
            ups.put(name, b.updater.instantiate(state, true));
            if (state != null) {
                states.put(name, state);
            }
        }
        this.updaters = ups;
        this.updaterStates = states;
    }

    public static Builder builder(SameDiff sd, String loss) {
        return new Builder(sd, loss);
    }

    /** Trainable parameter names, group by group: the order of the flat vector directions are drawn over. */
    public List<String> parameters() {
        return parameters;
    }

    public DirectionLayout layout() {
        return layout;
    }

    /** Iterations completed by {@link #step}. */
    public long iteration() {
        return iteration;
    }

    /** Epochs completed by {@link #fit}. */
    public int epoch() {
        return epoch;
    }

    public List<TangentGraph> tangentGraphs() {
        return tangentGraphs;
    }

    /**
     * The stacked directions of an iteration over the flat parameter vector (see {@link #parameters()}):
     * the same values the DL4J path draws for the same settings, iteration and parameter layout.
     */
    public double[][] directions(long atIteration) {
        return layout.draw(parameterCount, atIteration);
    }

    /** A gradient estimate at the current parameters and iteration; changes nothing. */
    public GradientEstimate estimate(Map<String, INDArray> placeholders) {
        return estimate(placeholders, iteration);
    }

    /** A gradient estimate at the current parameters with the directions and noise of {@code atIteration}. */
    public GradientEstimate estimate(Map<String, INDArray> placeholders, long atIteration) {
        double[][] v = directions(atIteration);
        Map<String, INDArray> feed = new HashMap<>(placeholders);
        for (SpikeNoise noise : noises) {
            INDArray batchSource = placeholders.get(noise.batchSource());
            if (batchSource == null) {
                throw new IllegalArgumentException("WSG noise '" + noise.placeholder() + "' takes its batch size from"
                        + " placeholder '" + noise.batchSource() + "', which was not given");
            }
            feed.put(noise.placeholder(), noise.draw(networkSeed, atIteration, batchSource.size(0),
                    batchSource.dataType()));
        }
        List<String> outputs = new ArrayList<>();
        outputs.add(loss);
        for (int row = 0; row < tangentGraphs.size(); row++) {
            TangentGraph graph = tangentGraphs.get(row);
            Map<String, INDArray> direction = new LinkedHashMap<>();
            for (String name : graph.directionInputs().keySet()) {
                direction.put(name, slice(v[row], name));
            }
            feed = graph.feed(feed, direction);
            outputs.add(graph.outputTangent());
        }
        Map<String, INDArray> out = sd.output(feed, outputs);
        double lossValue = scalar(out.get(loss), "loss");
        requireFinite("the loss", lossValue);
        List<Double> derivatives = new ArrayList<>();
        double[] g = new double[parameterCount];
        double inv = 1.0 / layout.settings().directions();
        for (int row = 0; row < tangentGraphs.size(); row++) {
            double dl = scalar(out.get(tangentGraphs.get(row).outputTangent()), "directional derivative");
            requireFinite("the directional derivative along direction " + row, dl);
            derivatives.add(dl);
            double scale = dl * inv;
            for (int e = 0; e < g.length; e++) {
                g[e] += scale * v[row][e];
            }
        }
        Map<String, INDArray> gradient = new LinkedHashMap<>();
        for (String name : parameters) {
            gradient.put(name, slice(g, name));
        }
        return new GradientEstimate(atIteration, lossValue, derivatives, gradient);
    }

    /** Estimates the gradient and applies the updater to every parameter, at the current epoch. */
    public GradientEstimate step(Map<String, INDArray> placeholders) {
        GradientEstimate estimate = estimate(placeholders);
        Map<String, INDArray> updates = new LinkedHashMap<>();
        for (var entry : estimate.gradient().entrySet()) {
            INDArray param = sd.getVariable(entry.getKey()).getArr();
            // Updaters keep state as flat row vectors (DL4J's layout), so they see the gradient flat too.
            INDArray flat = entry.getValue().dup('c').reshape('c', 1, param.length());
            updaters.get(entry.getKey()).applyUpdater(flat, Math.toIntExact(iteration), epoch);
            requireFinite("the update of '" + entry.getKey() + "'", flat.sumNumber().doubleValue());
            updates.put(entry.getKey(), flat.reshape('c', param.shape()));
        }
        updates.forEach((name, update) -> sd.getVariable(name).getArr().subi(update));
        iteration++;
        return estimate;
    }

    /**
     * Trains for {@code epochs} passes over {@code data}, as DL4J's {@code fit}: each DataSet's features
     * and labels go to the placeholders named by {@link Builder#dataSetMapping}.
     */
    public void fit(DataSetIterator data, int epochs) {
        requireMapping(1, 1);
        requireEpochs(epochs);
        for (int e = 0; e < epochs; e++) {
            if (e > 0 || !data.hasNext()) {
                data.reset();
            }
            while (data.hasNext()) {
                DataSet ds = data.next();
                fitBatch(Map.of(features.get(0), ds.getFeatures(), labels.get(0), ds.getLabels()));
            }
            endEpoch();
        }
    }

    /** As {@link #fit(DataSetIterator, int)}, features and labels mapped in order. */
    public void fit(MultiDataSetIterator data, int epochs) {
        requireEpochs(epochs);
        for (int e = 0; e < epochs; e++) {
            if (e > 0 || !data.hasNext()) {
                data.reset();
            }
            while (data.hasNext()) {
                MultiDataSet ds = data.next();
                requireMapping(ds.numFeatureArrays(), ds.numLabelsArrays());
                Map<String, INDArray> feed = new HashMap<>();
                for (int i = 0; i < features.size(); i++) {
                    feed.put(features.get(i), ds.getFeatures(i));
                }
                for (int i = 0; i < labels.size(); i++) {
                    feed.put(labels.get(i), ds.getLabels(i));
                }
                fitBatch(feed);
            }
            endEpoch();
        }
    }

    private void fitBatch(Map<String, INDArray> feed) {
        GradientEstimate estimate = step(feed);
        for (SameDiffRfgListener l : listeners) {
            l.iterationDone(this, estimate, epoch);
        }
    }

    private void endEpoch() {
        for (SameDiffRfgListener l : listeners) {
            l.epochDone(this, epoch);
        }
        epoch++;
    }

    /** A copy of what resuming needs: counters, parameters and updater state. */
    public TrainerState state() {
        Map<String, INDArray> params = new LinkedHashMap<>();
        parameters.forEach(p -> params.put(p, sd.getVariable(p).getArr()));
        return new TrainerState(iteration, epoch, params, updaterStates);
    }

    /**
     * Continues from a saved state: afterwards this trainer makes exactly the steps the one that saved
     * it would have made. The graph must have the same parameters and updater.
     */
    public void restore(TrainerState state) {
        if (!state.parameters().keySet().equals(new LinkedHashSet<>(parameters))
                || !state.updaterState().keySet().equals(updaterStates.keySet())) {
            throw new IllegalArgumentException("the state holds parameters " + state.parameters().keySet()
                    + " and updater state for " + state.updaterState().keySet() + "; this trainer has "
                    + parameters + " and " + updaterStates.keySet());
        }
        state.parameters().forEach((name, value) -> assignSameShape(sd.getVariable(name).getArr(), value, name));
        state.updaterState().forEach((name, value) -> assignSameShape(updaterStates.get(name), value, name));
        iteration = state.iteration();
        epoch = state.epoch();
    }

    private static void assignSameShape(INDArray target, INDArray value, String name) {
        if (!Arrays.equals(target.shape(), value.shape())) {
            throw new IllegalArgumentException("'" + name + "' has shape " + Arrays.toString(target.shape())
                    + ", the state " + Arrays.toString(value.shape()));
        }
        target.assign(value);
    }

    private INDArray slice(double[] flat, String name) {
        INDArray param = sd.getVariable(name).getArr();
        int from = offsets.get(name);
        double[] values = Arrays.copyOfRange(flat, from, from + (int) param.length());
        return Nd4j.create(values, param.shape(), param.dataType());
    }

    private void requireMapping(int featureArrays, int labelArrays) {
        if (features.size() != featureArrays || labels.size() != labelArrays) {
            throw new IllegalStateException("fit needs dataSetMapping with " + featureArrays + " feature and "
                    + labelArrays + " label placeholders, got " + features + " and " + labels);
        }
    }

    private static void requireEpochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
    }

    private double scalar(INDArray value, String what) {
        if (value.length() != 1) {
            throw new IllegalStateException("the " + what + " must be a scalar, got shape "
                    + Arrays.toString(value.shape()));
        }
        return value.getDouble(0);
    }

    private void requireFinite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new NonFiniteGradientException("RFG iteration " + iteration + ": " + what + " is " + value
                    + "; training stopped before the weights were touched (lower the learning rate?)");
        }
    }

    /** Configuration; {@link #build} validates it and adds the tangent graphs to the SameDiff. */
    public static final class Builder {
        private final SameDiff sd;
        private final String loss;
        private List<List<String>> parameterGroups;
        private RfgSettings settings = RfgSettings.global(12345);
        private long networkSeed;
        private IUpdater updater = new Adam(1e-3);
        private Collection<SpikeSite> spikes = List.of();
        private List<String> features = List.of();
        private List<String> labels = List.of();
        private final List<SameDiffRfgListener> listeners = new ArrayList<>();

        private Builder(SameDiff sd, String loss) {
            this.sd = sd;
            this.loss = loss;
        }

        /**
         * Parameter groups (one per layer: the units of layer-wise perturbation, in the order of the flat
         * parameter vector); default: every trainable variable in creation order, each its own group.
         */
        public Builder parameterGroups(List<List<String>> groups) {
            this.parameterGroups = groups.stream().map(List::copyOf).toList();
            return this;
        }

        /** Perturbation, K, direction distribution and the seed of the directions: the DL4J path's settings. */
        public Builder rfg(RfgSettings s) { this.settings = s; return this; }
        /** The seed WSG noise derives from (a DL4J network's configuration seed); unused by SG. */
        public Builder networkSeed(long s) { this.networkSeed = s; return this; }
        public Builder updater(IUpdater u) { this.updater = u; return this; }
        /** Spikes to differentiate by their surrogate rule, from {@code SpikeOps.sites()}. */
        public Builder spikes(Collection<SpikeSite> s) { this.spikes = List.copyOf(s); return this; }
        /** Placeholders that {@link #fit} feeds with a minibatch's features and labels, in order. */
        public Builder dataSetMapping(List<String> featurePlaceholders, List<String> labelPlaceholders) {
            this.features = List.copyOf(featurePlaceholders);
            this.labels = List.copyOf(labelPlaceholders);
            return this;
        }
        public Builder listeners(SameDiffRfgListener... l) { this.listeners.addAll(List.of(l)); return this; }

        public SameDiffRfgTrainer build() {
            if (updater == null || settings == null) {
                throw new IllegalArgumentException("updater and rfg settings are required");
            }
            if (!sd.hasVariable(loss)) {
                throw new IllegalArgumentException("no loss variable '" + loss + "' in the graph");
            }
            for (String p : concat(features, labels)) {
                if (!sd.hasVariable(p) || sd.getVariable(p).getVariableType() != VariableType.PLACEHOLDER) {
                    throw new IllegalArgumentException("dataSetMapping: '" + p + "' is not a placeholder of the graph");
                }
            }
            List<List<String>> groups = parameterGroups != null ? parameterGroups : defaultGroups();
            validate(groups);
            return new SameDiffRfgTrainer(this, groups);
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
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
