package org.dl4jsnn.samediff.forward;

import org.nd4j.autodiff.functions.DifferentialFunction;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable table of forward-mode rules, keyed by exact op class (SameDiff op classes are the
 * unit of meaning; several share an op name family, e.g. {@code add} and {@code add_scalar}).
 *
 * <p>Ops whose output never carries a tangent (stop-gradient, step) are listed separately rather
 * than given a rule returning zero, so that the transform knows before building anything that it
 * need not compute their inputs' tangents.
 */
public final class JvpRules {

    private final Map<Class<? extends DifferentialFunction>, JvpRule> rules;
    private final Set<Class<? extends DifferentialFunction>> zeroTangent;

    private JvpRules(Map<Class<? extends DifferentialFunction>, JvpRule> rules,
                     Set<Class<? extends DifferentialFunction>> zeroTangent) {
        this.rules = Map.copyOf(rules);
        this.zeroTangent = Set.copyOf(zeroTangent);
    }

    /** The rules this project ships; see {@link StandardJvpRules} for the list. */
    public static JvpRules standard() {
        return StandardJvpRules.INSTANCE;
    }

    static JvpRules of(Map<Class<? extends DifferentialFunction>, JvpRule> rules,
                       Set<Class<? extends DifferentialFunction>> zeroTangent) {
        return new JvpRules(rules, zeroTangent);
    }

    /** A copy with {@code rule} for ops of exactly class {@code opClass} (replacing any existing). */
    public JvpRules withRule(Class<? extends DifferentialFunction> opClass, JvpRule rule) {
        Map<Class<? extends DifferentialFunction>, JvpRule> copy = new HashMap<>(rules);
        copy.put(opClass, rule);
        Set<Class<? extends DifferentialFunction>> zeros = new HashSet<>(zeroTangent);
        zeros.remove(opClass);
        return new JvpRules(copy, zeros);
    }

    /** A copy in which ops of exactly class {@code opClass} have a zero tangent output. */
    public JvpRules withZeroTangent(Class<? extends DifferentialFunction> opClass) {
        Map<Class<? extends DifferentialFunction>, JvpRule> copy = new HashMap<>(rules);
        copy.remove(opClass);
        Set<Class<? extends DifferentialFunction>> zeros = new HashSet<>(zeroTangent);
        zeros.add(opClass);
        return new JvpRules(copy, zeros);
    }

    public Optional<JvpRule> ruleFor(DifferentialFunction op) {
        return Optional.ofNullable(rules.get(op.getClass()));
    }

    public boolean hasZeroTangent(DifferentialFunction op) {
        return zeroTangent.contains(op.getClass());
    }

    public Set<Class<? extends DifferentialFunction>> opClassesWithRules() {
        return rules.keySet();
    }
}
