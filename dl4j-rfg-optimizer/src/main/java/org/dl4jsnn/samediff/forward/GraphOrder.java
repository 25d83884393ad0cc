package org.dl4jsnn.samediff.forward;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Topological order of a SameDiff graph's ops.
 *
 * <p>{@code sd.getOps()} is in creation order, which is topological for graphs built through the
 * API but not for imported or edited ones; a forward sweep must never see a consumer before its
 * producer, so the order is computed rather than assumed.
 */
final class GraphOrder {

    private GraphOrder() {
    }

    static List<SameDiffOp> topological(SameDiff sd) {
        Map<String, SameDiffOp> ops = sd.getOps();
        Map<String, Variable> variables = sd.getVariables();
        Map<String, Integer> unmetProducers = new HashMap<>();
        Map<String, List<String>> consumers = new HashMap<>();
        for (SameDiffOp op : ops.values()) {
            Set<String> producers = new LinkedHashSet<>();
            for (String input : inputsOf(op)) {
                Variable v = variables.get(input);
                String producer = v == null ? null : v.getOutputOfOp();
                if (producer != null && ops.containsKey(producer)) {
                    producers.add(producer);
                }
            }
            unmetProducers.put(op.getName(), producers.size());
            for (String producer : producers) {
                consumers.computeIfAbsent(producer, k -> new ArrayList<>()).add(op.getName());
            }
        }
        // Seeded in creation order so that the result is deterministic and equals creation order
        // whenever that order is already valid.
        ArrayDeque<String> ready = new ArrayDeque<>();
        for (SameDiffOp op : ops.values()) {
            if (unmetProducers.get(op.getName()) == 0) {
                ready.add(op.getName());
            }
        }
        List<SameDiffOp> order = new ArrayList<>(ops.size());
        while (!ready.isEmpty()) {
            String name = ready.poll();
            order.add(ops.get(name));
            for (String consumer : consumers.getOrDefault(name, List.of())) {
                if (unmetProducers.merge(consumer, -1, Integer::sum) == 0) {
                    ready.add(consumer);
                }
            }
        }
        if (order.size() != ops.size()) {
            throw new UnsupportedOperationException("The graph has a cycle (control-flow loop); forward-mode"
                    + " differentiation supports acyclic graphs only");
        }
        return order;
    }

    static List<String> inputsOf(SameDiffOp op) {
        return op.getInputsToOp() == null ? List.of() : op.getInputsToOp();
    }

    static List<String> outputsOf(SameDiffOp op) {
        return op.getOutputsOfOp() == null ? List.of() : op.getOutputsOfOp();
    }
}
