package org.dl4jsnn.arbiter.space;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.arbiter.optimize.api.AbstractParameterSpace;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.util.LeafUtils;

/**
 * A space made of the parameter spaces held in its fields (found by Arbiter's reflection): Arbiter
 * numbers the leaves once, and a leaf shared by two fields is one parameter.
 */
public abstract class CompositeSpace<T> extends AbstractParameterSpace<T> {

    @Override
    public List<ParameterSpace> collectLeaves() {
        List<ParameterSpace> out = new ArrayList<>();
        LinkedList<ParameterSpace> stack = new LinkedList<>();
        stack.add(this);
        while (!stack.isEmpty()) {
            ParameterSpace next = stack.removeLast();
            if (next.isLeaf()) {
                out.add(next);
            } else {
                Map<String, ParameterSpace> nested = next.getNestedSpaces();
                ParameterSpace[] children = nested.values().toArray(new ParameterSpace[0]);
                // reversed so that leaves come out in field order
                for (int i = children.length - 1; i >= 0; i--) {
                    stack.add(children[i]);
                }
            }
        }
        return out;
    }

    @Override
    public int numParameters() {
        return LeafUtils.countUniqueParameters(collectLeaves());
    }

    @Override
    public boolean isLeaf() {
        return false;
    }

    @Override
    public void setIndices(int... indices) {
        throw new UnsupportedOperationException("a composite space has no index of its own; its leaves do");
    }
}
