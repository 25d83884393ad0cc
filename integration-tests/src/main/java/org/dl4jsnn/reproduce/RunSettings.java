package org.dl4jsnn.reproduce;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Training settings of one run.
 *
 * @param evalEvery test error is evaluated every this many iterations
 * @param extra task-specific settings (strings, sorted by key) that the report lists verbatim
 */
public record RunSettings(int iterations, int batch, double lr, int evalEvery, Map<String, String> extra) {

    public RunSettings {
        if (iterations <= 0) {
            throw new IllegalArgumentException("iterations must be > 0, got " + iterations);
        }
        if (batch <= 0) {
            throw new IllegalArgumentException("batch must be > 0, got " + batch);
        }
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("lr must be finite and > 0, got " + lr);
        }
        if (evalEvery <= 0) {
            throw new IllegalArgumentException("evalEvery must be > 0, got " + evalEvery);
        }
        Objects.requireNonNull(extra, "extra");
        // sorted so that equal settings print and serialize identically
        extra = Collections.unmodifiableMap(new TreeMap<>(Map.copyOf(extra)));
    }

    public RunSettings(int iterations, int batch, double lr, int evalEvery) {
        this(iterations, batch, lr, evalEvery, Map.of());
    }

    /** These settings with {@code entries} added to (or replacing entries of) {@link #extra()}. */
    public RunSettings withExtra(Map<String, String> entries) {
        Map<String, String> m = new TreeMap<>(extra);
        m.putAll(entries);
        return new RunSettings(iterations, batch, lr, evalEvery, m);
    }

    /** These settings with each non-null argument replacing its field. */
    public RunSettings withOverrides(Integer iterations, Integer batch, Double lr, Integer evalEvery) {
        return new RunSettings(
                iterations != null ? iterations : this.iterations,
                batch != null ? batch : this.batch,
                lr != null ? lr : this.lr,
                evalEvery != null ? evalEvery : this.evalEvery,
                extra);
    }
}
