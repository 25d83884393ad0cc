package org.dl4jsnn.samediff.forward;

import org.nd4j.autodiff.functions.DifferentialFunction;

/** Thrown when an op on the path from the perturbed variables to the output has no forward-mode rule. */
public final class MissingJvpRuleException extends UnsupportedOperationException {

    private final String opOwnName;
    private final Class<?> opClass;

    MissingJvpRuleException(DifferentialFunction op) {
        super("No forward-mode (JVP) rule for op '" + op.getOwnName() + "' (op name '" + safeOpName(op)
                + "', class " + op.getClass().getName() + "): its output lies between the perturbed variables"
                + " and the differentiated output. Register a rule with JvpRules.withRule("
                + op.getClass().getSimpleName() + ".class, ...), or mark it with withZeroTangent if its"
                + " derivative is zero.");
        this.opOwnName = op.getOwnName();
        this.opClass = op.getClass();
    }

    public String opOwnName() {
        return opOwnName;
    }

    public Class<?> opClass() {
        return opClass;
    }

    private static String safeOpName(DifferentialFunction op) {
        try {
            return op.opName();
        } catch (RuntimeException e) {
            return "?";
        }
    }
}
