package org.dl4jsnn.forward;

import java.util.List;

/**
 * The forward-mode contract of a time-independent piece of a network: primal and tangents in, primal
 * and tangents out (JAX's jvp). {@code params} is null for a piece without parameters.
 */
@FunctionalInterface
public interface StaticJvpRule {
    Value apply(List<Value> inputs, ParamTangents params);
}
