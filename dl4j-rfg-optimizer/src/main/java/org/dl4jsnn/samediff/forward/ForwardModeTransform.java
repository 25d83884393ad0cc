package org.dl4jsnn.samediff.forward;

import org.dl4jsnn.samediff.spike.SpikeSite;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Forward-mode differentiation for SameDiff, as a graph transform: it adds to a graph the ops that
 * carry tangents (directional derivatives) alongside the primal values, so that one
 * {@code sd.output(ph, loss, lossTangent)} returns L and dL along the fed direction.
 *
 * <p>Only ops that lie both downstream of a perturbed variable and upstream of the output get
 * tangent ops; everything else has a zero tangent that is never materialised. Spikes recorded by
 * {@link org.dl4jsnn.samediff.spike.SpikeOps} are differentiated by their surrogate rule
 * {@code dS = g(z) dz} directly. Instances are immutable; {@link #apply} mutates the graph it is
 * given.
 */
public final class ForwardModeTransform {

    public static final String DEFAULT_SUFFIX = "-tangent";

    private final JvpRules rules;
    private final Map<String, SpikeSite> spikes;
    private final String suffix;

    private ForwardModeTransform(JvpRules rules, Map<String, SpikeSite> spikes, String suffix) {
        this.rules = rules;
        this.spikes = Map.copyOf(spikes);
        this.suffix = suffix;
    }

    /** The standard rules, no recorded spikes, tangents named {@code <variable>-tangent}. */
    public static ForwardModeTransform standard() {
        return new ForwardModeTransform(JvpRules.standard(), Map.of(), DEFAULT_SUFFIX);
    }

    public ForwardModeTransform withRules(JvpRules newRules) {
        return new ForwardModeTransform(newRules, spikes, suffix);
    }

    /** Spikes to differentiate by their surrogate rule (others are differentiated op by op). */
    public ForwardModeTransform withSpikes(Collection<SpikeSite> sites) {
        Map<String, SpikeSite> bySpike = new HashMap<>();
        for (SpikeSite site : sites) {
            bySpike.put(site.spike(), site);
        }
        return new ForwardModeTransform(rules, bySpike, suffix);
    }

    /**
     * The suffix appended to a variable's name to name its tangent. Use a distinct suffix for each
     * tangent graph added to the same SameDiff (several directions, or one per parameter group).
     */
    public ForwardModeTransform withSuffix(String newSuffix) {
        if (newSuffix == null || newSuffix.isEmpty()) {
            throw new IllegalArgumentException("tangent suffix must be non-empty");
        }
        return new ForwardModeTransform(rules, spikes, newSuffix);
    }

    /**
     * Adds to {@code sd} a placeholder {@code <v><suffix>} (same shape and type as v) for the
     * direction of each perturbed variable v, and the ops computing the tangent of {@code output}.
     *
     * <p>If the graph has no loss variables set, {@code output} becomes its loss variable: the tangent
     * ops add new terminal variables, which would otherwise break SameDiff's loss inference for
     * reverse mode.
     *
     * @throws MissingJvpRuleException if an op between the perturbed variables and output has no rule
     * @throws IllegalArgumentException if output does not depend on the perturbed variables, or a
     *                                  tangent's name is already taken
     */
    public TangentGraph apply(SameDiff sd, String output, Collection<String> perturbed) {
        validate(sd, output, perturbed);
        List<SameDiffOp> order = GraphOrder.topological(sd);
        Map<String, SpikeSite> spikesHere = spikesIn(sd);

        Set<String> varying = varying(sd, order, perturbed, spikesHere);
        if (!varying.contains(output)) {
            throw new IllegalArgumentException("'" + output + "' does not depend (with nonzero derivative) on the"
                    + " perturbed variables " + perturbed);
        }
        Set<String> needed = needed(order, output, varying, spikesHere);
        List<SameDiffOp> toDifferentiate = new ArrayList<>();
        for (SameDiffOp op : order) {
            if (GraphOrder.outputsOf(op).stream().anyMatch(needed::contains)) {
                toDifferentiate.add(op);
            }
        }
        checkNamesFree(sd, perturbed, toDifferentiate);
        // Rules are looked up before the graph is touched, so a missing rule leaves it unchanged.
        for (SameDiffOp op : toDifferentiate) {
            if (!spikesHere.containsKey(GraphOrder.outputsOf(op).get(0))) {
                ruleFor(op);
            }
        }

        Map<String, String> directionInputs = new LinkedHashMap<>();
        Map<String, SDVariable> tangents = new HashMap<>();
        for (String name : perturbed) {
            SDVariable v = sd.getVariable(name);
            SDVariable direction = sd.placeHolder(name + suffix, v.dataType(), v.getShape());
            tangents.put(name, direction);
            directionInputs.put(name, direction.name());
        }
        SymbolicShapes shapes = SymbolicShapes.infer(sd, order);
        for (SameDiffOp op : toDifferentiate) {
            String out = GraphOrder.outputsOf(op).get(0);
            SDVariable tangent = tangentOf(sd, op, out, spikesHere.get(out), tangents, shapes);
            if (tangent != null) {
                tangents.put(out, tangent);
            }
        }
        SDVariable outputTangent = tangents.get(output);
        if (outputTangent == null) {
            throw new IllegalArgumentException("the tangent of '" + output + "' is identically zero for the"
                    + " perturbed variables " + perturbed);
        }
        if (sd.getLossVariables().isEmpty()) {
            sd.setLossVariables(output);
        }
        Map<String, String> tangentNames = new LinkedHashMap<>();
        tangents.forEach((primal, t) -> tangentNames.put(primal, t.name()));
        return new TangentGraph(sd, output, outputTangent.name(), directionInputs, tangentNames);
    }

    private SDVariable tangentOf(SameDiff sd, SameDiffOp op, String out, SpikeSite spike,
                                 Map<String, SDVariable> tangents, SymbolicShapes shapes) {
        if (spike != null) {
            SDVariable dz = tangents.get(spike.input());
            return dz == null ? null : SurrogateSpikeRule.tangent(sd, spike, dz, out + suffix);
        }
        if (GraphOrder.inputsOf(op).stream().noneMatch(tangents::containsKey)) {
            return null; // an upstream rule returned an exactly-zero tangent
        }
        JvpContext context = new JvpContext(sd, op.getOp(), GraphOrder.inputsOf(op), out,
                Collections.unmodifiableMap(tangents), shapes, out + suffix);
        return ruleFor(op).tangent(context);
    }

    private void validate(SameDiff sd, String output, Collection<String> perturbed) {
        SDVariable out = sd.getVariable(output);
        if (out == null || !sd.hasVariable(output)) {
            throw new IllegalArgumentException("no variable '" + output + "' in the graph");
        }
        if (!out.dataType().isFPType()) {
            throw new IllegalArgumentException("'" + output + "' is not floating point: " + out.dataType());
        }
        if (perturbed.isEmpty()) {
            throw new IllegalArgumentException("no variables to perturb");
        }
        if (new HashSet<>(perturbed).size() != perturbed.size()) {
            throw new IllegalArgumentException("perturbed variables listed twice: " + perturbed);
        }
        for (String name : perturbed) {
            SDVariable v = sd.hasVariable(name) ? sd.getVariable(name) : null;
            if (v == null) {
                throw new IllegalArgumentException("no variable '" + name + "' to perturb");
            }
            if (v.getVariableType() == VariableType.ARRAY || !v.dataType().isFPType()) {
                throw new IllegalArgumentException("can only perturb floating-point variables, placeholders or"
                        + " constants; '" + name + "' is " + v.getVariableType() + " of type " + v.dataType());
            }
        }
    }

    private Map<String, SpikeSite> spikesIn(SameDiff sd) {
        for (SpikeSite site : spikes.values()) {
            if (!sd.hasVariable(site.spike()) || !sd.hasVariable(site.input())) {
                throw new IllegalArgumentException("spike " + site + " is not in this graph");
            }
        }
        return spikes;
    }

    /** Variables with a possibly nonzero tangent: downstream of a perturbed one through differentiable ops. */
    private Set<String> varying(SameDiff sd, List<SameDiffOp> order, Collection<String> perturbed,
                                Map<String, SpikeSite> spikesHere) {
        Set<String> varying = new HashSet<>(perturbed);
        for (SameDiffOp op : order) {
            // a recorded spike has its surrogate's tangent even when its op (a bare step) has none
            if (rules.hasZeroTangent(op.getOp()) && !isRecordedSpike(op, spikesHere)) {
                continue;
            }
            boolean anyInput = GraphOrder.inputsOf(op).stream().anyMatch(varying::contains);
            for (String out : GraphOrder.outputsOf(op)) {
                SpikeSite site = spikesHere.get(out);
                boolean varies = site != null ? varying.contains(site.input()) : anyInput;
                if (varies && sd.getVariable(out).dataType().isFPType()) {
                    varying.add(out);
                }
            }
        }
        return varying;
    }

    /** Varying variables whose tangent the output's tangent depends on. */
    private Set<String> needed(List<SameDiffOp> order, String output, Set<String> varying,
                               Map<String, SpikeSite> spikesHere) {
        Set<String> needed = new LinkedHashSet<>();
        needed.add(output);
        for (int i = order.size() - 1; i >= 0; i--) {
            SameDiffOp op = order.get(i);
            List<String> outs = GraphOrder.outputsOf(op);
            if (outs.stream().noneMatch(needed::contains)
                    || (rules.hasZeroTangent(op.getOp()) && !isRecordedSpike(op, spikesHere))) {
                continue;
            }
            SpikeSite site = outs.size() == 1 ? spikesHere.get(outs.get(0)) : null;
            List<String> inputs = site != null ? List.of(site.input()) : GraphOrder.inputsOf(op);
            for (String in : inputs) {
                if (varying.contains(in)) {
                    needed.add(in);
                }
            }
        }
        needed.retainAll(varying);
        return needed;
    }

    private static boolean isRecordedSpike(SameDiffOp op, Map<String, SpikeSite> spikesHere) {
        return GraphOrder.outputsOf(op).stream().anyMatch(spikesHere::containsKey);
    }

    private void checkNamesFree(SameDiff sd, Collection<String> perturbed, List<SameDiffOp> toDifferentiate) {
        List<String> names = new ArrayList<>();
        perturbed.forEach(p -> names.add(p + suffix));
        toDifferentiate.forEach(op -> GraphOrder.outputsOf(op).forEach(o -> names.add(o + suffix)));
        for (String name : names) {
            if (sd.hasVariable(name)) {
                throw new IllegalArgumentException("variable '" + name + "' already exists: this graph already"
                        + " has tangents with suffix '" + suffix + "'; choose another with withSuffix");
            }
        }
    }

    private JvpRule ruleFor(SameDiffOp op) {
        DifferentialFunction f = op.getOp();
        if (GraphOrder.outputsOf(op).size() != 1) {
            throw new UnsupportedOperationException("Forward mode supports single-output ops only; op '"
                    + op.getName() + "' (class " + f.getClass().getName() + ") has outputs " + op.getOutputsOfOp());
        }
        return rules.ruleFor(f).orElseThrow(() -> new MissingJvpRuleException(f));
    }
}
