package org.dl4jsnn.samediff.spike;

import java.util.Objects;
import org.dl4jsnn.surrogate.Surrogate;

/**
 * A spike in a SameDiff graph: variable {@code spike} = H({@code input}), differentiated in forward mode
 * by the core's {@link Surrogate}. A stochastic surrogate (WSG) reads its draws from {@code noise} at time
 * step {@code step}; a deterministic one has no noise.
 */
public record SpikeSite(String spike, String input, Surrogate surrogate, SpikeNoise noise, int step) {

    public SpikeSite {
        if (spike == null || input == null) {
            throw new IllegalArgumentException("spike and input names are required");
        }
        Objects.requireNonNull(surrogate, "surrogate");
        if (surrogate.isStochastic() != (noise != null)) {
            throw new IllegalArgumentException("surrogate " + surrogate + (noise == null
                    ? " is stochastic: it needs a SpikeNoise input" : " is deterministic: it takes no noise"));
        }
        if (noise != null && (step < 0 || step >= noise.steps())) {
            throw new IllegalArgumentException("step must be in [0, " + noise.steps() + "), got " + step);
        }
    }

    /** A spike with the Gaussian surrogate (SG) of standard deviation {@code width}. */
    public SpikeSite(String spike, String input, double width) {
        this(spike, input, Surrogate.gaussian(width), null, 0);
    }

    /** The deterministic surrogate's H'(z); a stochastic one's depends on its draws, see {@link SpikeNoise}. */
    public double surrogateDerivative(double z) {
        if (surrogate.isStochastic()) {
            throw new IllegalStateException(surrogate + " is stochastic: its derivative depends on the draws");
        }
        return surrogate.derivative(z, 0L, 0L);
    }
}
