package org.dl4jsnn.forward;

import java.util.Optional;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;

/**
 * Supplies forward-mode rules for graph vertices the engine does not know (for example the operator
 * networks' combination vertices). Found with {@link java.util.ServiceLoader}, so a module adds its
 * rules by listing its provider in META-INF/services.
 */
public interface JvpRuleProvider {

    /** The rule for this vertex, or empty when this provider does not know it. */
    Optional<StaticJvpRule> ruleFor(GraphVertex vertex);
}
