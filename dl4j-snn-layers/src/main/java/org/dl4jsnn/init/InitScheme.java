package org.dl4jsnn.init;

import java.util.Locale;
import org.deeplearning4j.nn.weights.WeightInit;

/**
 * How a network's dense and spiking layers start. The choice matters for spiking layers with one
 * input: with zero biases every neuron's threshold crossing sits at the origin of its input.
 */
public enum InitScheme {
    /** Xavier-normal weights, zero biases (DL4J's usual choice; this project's default). */
    XAVIER,
    /**
     * Weights and biases uniform on (-1/sqrt(fanIn), 1/sqrt(fanIn)), PyTorch's {@code nn.Linear} default.
     * DL4J draws the weights ({@link WeightInit#UNIFORM} is exactly this); DL4J has only constant
     * biases, so {@link FanInUniformBiases#draw} draws them after {@code init()}.
     */
    FAN_IN_UNIFORM;

    /** The DL4J weight initialisation of this scheme. */
    public WeightInit weightInit() {
        return this == XAVIER ? WeightInit.XAVIER : WeightInit.UNIFORM;
    }

    /** The spelling on the command line and in reports: {@code xavier}, {@code fan-in-uniform}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Inverse of {@link #cliName()}, case-insensitive. */
    public static InitScheme fromCliName(String name) {
        for (InitScheme s : values()) {
            if (s.cliName().equalsIgnoreCase(name.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown init '" + name + "'; allowed: xavier, fan-in-uniform");
    }
}
