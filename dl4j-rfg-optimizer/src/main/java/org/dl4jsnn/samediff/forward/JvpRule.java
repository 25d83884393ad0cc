package org.dl4jsnn.samediff.forward;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The forward-mode derivative of one single-output op: builds, in the op's graph, the ops that
 * compute the output's tangent from the inputs' primal values and tangents.
 *
 * <p>Called only when at least one input has a tangent. Inputs without one have a zero tangent:
 * {@link JvpContext#tangent(int)} is null for them and a rule must not materialise zeros. The
 * returned tangent must have the output's shape and data type; null means it is identically zero.
 */
@FunctionalInterface
public interface JvpRule {

    SDVariable tangent(JvpContext op);
}
