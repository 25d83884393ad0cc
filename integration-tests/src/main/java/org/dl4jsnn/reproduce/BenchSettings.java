package org.dl4jsnn.reproduce;

import java.util.List;
import java.util.Objects;

/**
 * What the benchmark measures: every combination of batch x time steps x directions.
 *
 * @param wsg     also measure BP and RFG-L with the WSG surrogate (N = 16 draws) beside SG
 * @param threads threads over each minibatch (>= 1); results do not depend on it, the time does
 * @param nets    the networks, any of {@link #NETS}; batches and time steps apply to the Mexican hat, the
 *                operator networks run at their tasks' sizes
 */
public record BenchSettings(List<Integer> batches, List<Integer> timeSteps, List<Integer> directions,
                            int warmup, int iterations, boolean wsg, int threads, List<String> nets) {

    public static final String MEXICAN_HAT = "mexican-hat";
    public static final String POISSON_DEEPONET = "poisson-deeponet";
    public static final String DIFFUSION_REACTION_SEPONET = "diffusion-reaction-seponet";
    /** Every net the bench knows, in the order it measures them. */
    public static final List<String> NETS = List.of(MEXICAN_HAT, POISSON_DEEPONET, DIFFUSION_REACTION_SEPONET);

    /** The Mexican hat alone. */
    public BenchSettings(List<Integer> batches, List<Integer> timeSteps, List<Integer> directions, int warmup,
                         int iterations, boolean wsg, int threads) {
        this(batches, timeSteps, directions, warmup, iterations, wsg, threads, List.of(MEXICAN_HAT));
    }

    /** One thread. */
    public BenchSettings(List<Integer> batches, List<Integer> timeSteps, List<Integer> directions, int warmup,
                         int iterations, boolean wsg) {
        this(batches, timeSteps, directions, warmup, iterations, wsg, 1);
    }

    /** SG rows only. */
    public BenchSettings(List<Integer> batches, List<Integer> timeSteps, List<Integer> directions, int warmup,
                         int iterations) {
        this(batches, timeSteps, directions, warmup, iterations, false);
    }

    public BenchSettings {
        batches = requirePositive(batches, "batches");
        timeSteps = requirePositive(timeSteps, "timeSteps");
        directions = requirePositive(directions, "directions");
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup must be >= 0, got " + warmup);
        }
        if (iterations <= 0) {
            throw new IllegalArgumentException("iterations must be > 0, got " + iterations);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Objects.requireNonNull(nets, "nets");
        if (nets.isEmpty()) {
            throw new IllegalArgumentException("nets must not be empty; choose from " + NETS);
        }
        for (String n : nets) {
            if (!NETS.contains(n)) {
                throw new IllegalArgumentException("nets: unknown net '" + n + "'; choose from " + NETS);
            }
        }
        nets = NETS.stream().filter(nets::contains).toList();
    }

    public boolean measures(String net) {
        return nets.contains(net);
    }

    private static List<Integer> requirePositive(List<Integer> values, String name) {
        Objects.requireNonNull(values, name);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        for (Integer v : values) {
            if (v == null || v <= 0) {
                throw new IllegalArgumentException(name + " must all be > 0, got " + values);
            }
        }
        return List.copyOf(values);
    }
}
