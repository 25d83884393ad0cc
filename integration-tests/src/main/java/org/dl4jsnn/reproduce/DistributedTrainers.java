package org.dl4jsnn.reproduce;

import java.util.Optional;
import java.util.ServiceLoader;
import org.dl4jsnn.train.DistributedTraining;

/**
 * How a run asks for data-parallel training on Spark (docs/design.md section 9): its settings carry the
 * master under {@link #SETTING}, so the report records it and a resumed run keeps it; the trainer itself
 * is the {@link DistributedTraining} service of module dl4j-rfg-spark, found on the class path at run time.
 */
public final class DistributedTrainers {

    /** The key of {@link RunSettings#extra()} that holds the Spark master. */
    public static final String SETTING = "spark master";
    public static final String MODULE = "dl4j-rfg-spark";
    public static final String BUILD = "mvn -pl " + MODULE + " -am package -DskipTests";

    private DistributedTrainers() {
    }

    /** The Spark master a run trains on, empty for training in this JVM. */
    public static Optional<String> master(RunSettings settings) {
        return Optional.ofNullable(settings.extra().get(SETTING));
    }

    /** The trainer found by {@code loader}, or empty when module dl4j-rfg-spark is not on its class path. */
    public static Optional<DistributedTraining> find(ClassLoader loader) {
        return ServiceLoader.load(DistributedTraining.class, loader).findFirst();
    }

    /** @throws IllegalStateException in one line naming the module to build when it is not on the class path */
    public static DistributedTraining require() {
        return find(Thread.currentThread().getContextClassLoader()).orElseThrow(() -> new IllegalStateException(
                missingMessage()));
    }

    public static String missingMessage() {
        return "module " + MODULE + " is not on the class path; build it with '" + BUILD + "' (bin/dl4j-snn then adds it)";
    }

    /**
     * Why the distributed trainer cannot train {@code method}, or empty when it can: it trains one output by
     * back-propagation or by weight-perturbation RFG (RFG-G, RFG-L), under either surrogate.
     */
    public static Optional<String> unsupported(MethodSpec method) {
        if (method.localLosses()) {
            return Optional.of(method.label() + ": local losses (-LL) add outputs the Spark trainer does not train;"
                    + " supported: BP, RFG-G, RFG-L without -LL");
        }
        if (method.gradient() == GradientKind.RFG_A) {
            return Optional.of(method.label() + ": activity perturbation (RFG-A) is not supported by the Spark"
                    + " trainer; supported: BP, RFG-G, RFG-L without -LL");
        }
        return Optional.empty();
    }
}
