package org.dl4jsnn.reproduce;

import java.util.List;

/** Measures the per-iteration cost of BP and the RFG variants side by side (SPEC section 6). */
public interface BenchmarkRunner {

    List<BenchRow> run(BenchSettings settings);
}
